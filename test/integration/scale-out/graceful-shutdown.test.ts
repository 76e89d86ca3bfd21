/**
 * The real process (`node dist/src/main.js`, compiled first as `npm run build` does) on a config file
 * pointing at simulators run by the test: SIGTERM during a slow request lets it finish and exits 0;
 * a request slower than the drain bound is cut off and the process still exits 0; a malformed
 * REDIS_URL stops the boot with one line that does not echo it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { buildGateway, listeningUrl, spawnGateway, type GatewayProcess } from '../../support/gateway-process';
import { PROBES } from '../faults/provider-probes';

let sims: RunningSimulators;
let dir: string;

beforeAll(async () => {
  buildGateway();
  sims = await startSimulators();
  dir = mkdtempSync(join(tmpdir(), 'gl-shutdown-'));
}, 120_000);
afterAll(async () => {
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Running extends GatewayProcess {
  url: string;
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
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: path, ...env });
  return { ...gateway, url: await listeningUrl(gateway) };
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
