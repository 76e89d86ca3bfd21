/**
 * The real process (`node dist/src/main.js`, compiled first as `npm run build` does) on a config file
 * pointing at simulators run by the test: SIGTERM during a slow request lets it finish and exits 0;
 * a request slower than the drain bound is cut off and the process still exits 0; a malformed
 * REDIS_URL stops the boot with one line that does not echo it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { PROBES } from '../faults/provider-probes';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/src/main.js');
let sims: RunningSimulators;
let dir: string;

beforeAll(async () => {
  // `npm run build`, run directly: type errors elsewhere in the tree still emit (CI's typecheck catches them).
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  if (!existsSync(MAIN)) throw new Error(`${MAIN} was not built`);
  sims = await startSimulators();
  dir = mkdtempSync(join(tmpdir(), 'gl-shutdown-'));
}, 120_000);
afterAll(async () => {
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the gateway with a config file; resolves once it prints its URL. */
async function startGateway(drainTimeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const config = {
    ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
    logLevel: 'warn',
    shutdown: { drainTimeoutMs },
  };
  const path = join(dir, `config-${drainTimeoutMs}.json`);
  writeFileSync(path, JSON.stringify(config));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, GRAND_LIVRE_CONFIG: path, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((found, fail) => {
    const poll = setInterval(() => {
      const match = /GraphQL API: (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearInterval(poll);
        found(match[1]!);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      fail(new Error(`gateway exited (${code}) before listening: ${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

const inqomCompanies = (url: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ companies(provider: INQOM) { totalCount } }' }),
  });

/** Resolves once the simulator has taken the slow fault, i.e. the request is in flight upstream. */
async function inFlightUpstream(): Promise<void> {
  while (sims.simulators.inqom.faults.size > 0) await new Promise((r) => setTimeout(r, 10));
}

const slowFolders = (ms: number) =>
  sims.simulators.inqom.faults.add({ kind: 'latency', ms, method: 'GET', path: PROBES.inqom.path, times: 1 });

describe('SIGTERM', () => {
  it('lets the in-flight request finish, refuses new connections, and exits 0', async () => {
    const gateway = await startGateway(10_000);
    slowFolders(800);
    const slow = inqomCompanies(gateway.url);
    await inFlightUpstream();
    gateway.child.kill('SIGTERM');
    const response = await slow;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { companies: { totalCount: number } } };
    expect(body.data.companies.totalCount).toBeGreaterThan(0);
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toMatch(/SIGTERM: draining/);
    expect(gateway.output()).toMatch(/shutdown complete/);
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
  });

  it('cuts off a request slower than the drain bound and still exits 0', async () => {
    const gateway = await startGateway(300);
    slowFolders(5_000);
    const slow = inqomCompanies(gateway.url).then(
      (response) => response.status,
      () => 'connection closed',
    );
    await inFlightUpstream();
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(await slow).toBe('connection closed');
  });
});

describe('boot', () => {
  it('refuses a malformed REDIS_URL in one line that does not echo it', async () => {
    const gateway = startGateway(1_000, { REDIS_URL: 'http://user:hunter2-secret@localhost:6379' });
    await expect(gateway).rejects.toThrow(
      /exited \(1\) before listening: Invalid configuration: REDIS_URL: expected redis:\/\//,
    );
    await expect(gateway).rejects.not.toThrow(/hunter2/);
  });
});
