/**
 * MyUnisoft's cap of 10 calls in flight per route and token, held by two real gateway processes on one
 * real redis-server: each counts the other's calls, so the strict simulator refuses none of them.
 * (Two gateways in one process would share their process's count and prove nothing.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { buildGateway, listeningUrl, spawnGateway, type GatewayProcess } from '../../support/gateway-process';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';

let redis: RunningRedis;
let sims: RunningSimulators;
let dir: string;
const instances: { process: GatewayProcess; graphqlUrl: string }[] = [];

async function startInstance(name: string) {
  const config = {
    ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
    signingSecret: 'route-concurrency-test-signing-secret-0123',
    redisUrl: redis.url,
    logLevel: 'warn',
    // Every query asks MyUnisoft for its societies: no list cache answers in its place.
    cache: { listTtlMs: 0 },
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: path });
  instances.push({ process: gateway, graphqlUrl: `${await listeningUrl(gateway)}/graphql` });
}

beforeAll(async () => {
  buildGateway();
  [redis, sims] = await Promise.all([startRedisServer(), startSimulators()]);
  dir = mkdtempSync(join(tmpdir(), 'gl-route-concurrency-'));
  await Promise.all([startInstance('a'), startInstance('b')]);
}, 180_000);
afterAll(async () => {
  for (const instance of instances) instance.process.child.kill('SIGTERM');
  await Promise.all(instances.map((instance) => instance.process.exited));
  await sims?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const COMPANIES = 'query { companies(provider: MYUNISOFT) { edges { node { id } } } }';

async function ask(graphqlUrl: string): Promise<{ errors?: unknown[] }> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
    body: JSON.stringify({ query: COMPANIES }),
  });
  return (await response.json()) as { errors?: unknown[] };
}

it('sends at most 10 calls on one route at once across both instances: MyUnisoft refuses none', async () => {
  const myunisoft = sims.simulators.myunisoft;
  // Warm: each instance has its MyUnisoft token activated before the burst (and spends little quota).
  for (const { graphqlUrl } of instances) expect((await ask(graphqlUrl)).errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 10_500)); // a fresh quota window of 20 calls
  myunisoft.requests.length = 0;
  // Each society call is held 800 ms after MyUnisoft counted it in flight: 16 calls overlap.
  myunisoft.faults.add({ kind: 'slow_commit', method: 'GET', path: '^/api/v1/society$', ms: 800 });
  try {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => ask(instances[i % 2]!.graphqlUrl)),
    );
    answers.forEach((answer) => expect(answer.errors).toBeUndefined());
  } finally {
    myunisoft.faults.clear();
  }
  const societyCalls = myunisoft.requests.filter((r) => r.path === '/api/v1/society');
  expect(societyCalls.map((r) => r.status)).toEqual(Array.from({ length: 16 }, () => 200));
}, 60_000);
