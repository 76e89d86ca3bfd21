/**
 * The two scripts of `examples/`, compiled as `npm run build` does and run as child processes against
 * a gateway on the simulators: the company listing names the tenant's companies across the four
 * providers with their last export job, and the FEC download writes a valid FEC to disk.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FEC_COLUMNS } from '../../../src/fec/columns';
import { validateFec } from '../../../src/fec/validate';
import { createGrandLivreClient, CreateExportJobDocument } from '@grand-livre/sdk';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import { demoCompany } from '../operations/fixtures';
import { startStack, type Stack } from '../../support/stack';

const ROOT = resolve(__dirname, '../../..');
const EXAMPLES = ['list-companies-with-last-export', 'download-fec-export'];
const PROVIDERS: SimProvider[] = ['jepilote', 'myunisoft', 'inqom', 'pleo'];

let stack: Stack;
let dir: string;

beforeAll(async () => {
  // `npm run build`, run directly so that sources edited since `npm ci` are what runs; type errors
  // elsewhere in the tree still emit (CI's typecheck catches them).
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  for (const name of EXAMPLES) {
    const built = join(ROOT, `dist/examples/${name}.js`);
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, `examples/${name}.ts`)).mtimeMs)
      throw new Error(`${built} was not built from the current source`);
  }
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
  dir = mkdtempSync(join(tmpdir(), 'gl-examples-'));
}, 180_000);
afterAll(async () => {
  await stack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built example with the gateway's URL and a key; async, so this process keeps serving it. */
function runExample(name: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, `dist/examples/${name}.js`), ...args],
      { cwd: dir, env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const asDemo = () => ({ GRAND_LIVRE_URL: stack.graphqlUrl, GRAND_LIVRE_API_KEY: 'demo' });

it('download-fec-export starts a Jepilote FEC export and saves a valid FEC file', async () => {
  const out = join(dir, 'fec');
  mkdirSync(out);
  // No company id: the script picks the first Jepilote company able to export FEC.
  const run = await runExample('download-fec-export', ['', out], asDemo());
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);

  const names = stack.sims.dataset.companiesOf('jepilote', 'demo').map((c) => c.name);
  expect(names.some((name) => run.stdout.includes(`Company: ${name}`))).toBe(true);
  expect(run.stdout).toMatch(/: COMPLETED/);
  const files = readdirSync(out);
  expect(files).toHaveLength(1);
  expect(run.stdout).toContain(`Saved `);
  const text = readFileSync(join(out, files[0] ?? ''), 'utf8');
  const header = (text.split(/\r?\n/)[0] ?? '').split(/[|\t]/);
  expect(header).toEqual([...FEC_COLUMNS]);
  expect(header).toHaveLength(18);
  const report = validateFec(text);
  expect(report.errors).toEqual([]);
  expect(report.entryCount).toBeGreaterThan(0);
});

it('list-companies-with-last-export lists the firm’s companies of the four providers with their last export', async () => {
  const jepilote = demoCompany(stack.sims, 'jepilote');
  const sdk = createGrandLivreClient({ url: stack.graphqlUrl, apiKey: 'demo' });
  const { createExportJob: job } = await sdk.request(CreateExportJobDocument, {
    input: { companyId: jepilote.id, format: 'FEC', includeAlreadyExported: true },
  });

  const run = await runExample('list-companies-with-last-export', [], asDemo());
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  for (const provider of PROVIDERS)
    for (const company of stack.sims.dataset.companiesOf(provider, 'demo'))
      expect(run.stdout).toContain(company.name);
  for (const provider of PROVIDERS)
    for (const company of stack.sims.dataset.companiesOf(provider, 'demo-other'))
      expect(run.stdout).not.toContain(company.name);

  const lines = run.stdout.split('\n');
  const lastExportOf = (name: string) => lines[lines.findIndex((l) => l.includes(name)) + 1] ?? '';
  expect(lastExportOf(jepilote.gen.name)).toContain(`last export: FEC COMPLETED`);
  expect(lastExportOf(jepilote.gen.name)).toContain(job.id);
  expect(lastExportOf(demoCompany(stack.sims, 'myunisoft').gen.name)).toContain(
    'no export jobs at this provider',
  );
});

it('exits 1 with the error code, and without echoing the key, when the key is refused', async () => {
  const run = await runExample('list-companies-with-last-export', [], {
    GRAND_LIVRE_URL: stack.graphqlUrl,
    GRAND_LIVRE_API_KEY: 'not-a-valid-key-4821',
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('UNAUTHENTICATED');
  expect(run.stdout + run.stderr).not.toContain('not-a-valid-key-4821');
});

it('exits 1 naming the variables when they are not set', async () => {
  const run = await runExample('download-fec-export', [], {});
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('GRAND_LIVRE_URL');
});
