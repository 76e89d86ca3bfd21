/**
 * The partner SDK installs alone: its packed tarball, installed into an empty project, brings
 * undici and graphql and nothing of the gateway (no Fastify, Apollo, Redis client, React), and loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gl-sdk-package-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('packs, installs with only its own dependencies, and exports the client and typed documents', () => {
  // `npm pack` runs the package's `prepare` (its build) first.
  const packed = npm(['pack', '-w', '@grand-livre/sdk', '--pack-destination', dir, '--json'], ROOT);
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  const project = join(dir, 'consumer');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  npm(['install', '--prefer-offline', join(dir, filename)], project);

  const installed = readdirSync(join(project, 'node_modules')).flatMap((name) =>
    name.startsWith('@')
      ? readdirSync(join(project, 'node_modules', name)).map((scoped) => `${name}/${scoped}`)
      : [name],
  );
  expect(installed.filter((name) => !name.startsWith('.')).sort()).toEqual([
    '@grand-livre/sdk',
    '@graphql-typed-document-node/core',
    'graphql',
    'undici',
  ]);
  const exported = execFileSync(
    process.execPath,
    ['-e', "const sdk = require('@grand-livre/sdk'); console.log(Object.keys(sdk).sort().join(','))"],
    { cwd: project, encoding: 'utf8' },
  ).split(',');
  expect(exported).toEqual(
    expect.arrayContaining(['createGrandLivreClient', 'ListCompaniesDocument', 'NotFoundError', 'ErrorCode']),
  );
}, 180_000);
