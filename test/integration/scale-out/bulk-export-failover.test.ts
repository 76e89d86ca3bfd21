/**
 * Bulk exports on any instance: two real gateway processes on one real redis-server, one directory
 * BlobStore and the simulators. An export completed on A downloads through B with A's signed link.
 * Then A is SIGKILLed while its export is held at MyUnisoft: the lease lapses, B's sweep runs the
 * export again to COMPLETED and B serves the file, byte for byte what a fresh export writes. Lease
 * and sweep are short by configuration; every wait polls a condition, nothing asserts elapsed time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetBulkExportDocument, StartBulkExportDocument } from '@grand-livre/sdk';
import type { StartBulkExportInput } from '@grand-livre/sdk';
import { companyGlobalId, decodeGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import { startSimulators, type RunningSimulators } from '../../../src/simulators/harness';
import { buildGateway, listeningUrl, spawnGateway, type GatewayProcess } from '../../support/gateway-process';
import { dataOf, runOperation } from '../../support/operations';
import { startRedisServer, type RunningRedis } from '../../support/redis-server';
import type { GqlResponse } from '../../support/stack';
import { download, ledgerLines, type BulkExportState } from '../bulk/bulk-support';

interface Instance extends GatewayProcess {
  url: string;
  graphqlUrl: string;
  gql<T>(query: string, variables?: Record<string, unknown>, apiKey?: string | null): Promise<GqlResponse<T>>;
}

let redis: RunningRedis;
let sims: RunningSimulators;
let dir: string;
let configPath: string;
let a: Instance;
let b: Instance;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MOVEMENTS = '^/api/v1/mad/movements$';

/** A gateway process on the one config file every instance shares (Redis, BlobStore directory, secret). */
async function startInstance(): Promise<Instance> {
  const gateway = spawnGateway({ GRAND_LIVRE_CONFIG: configPath });
  const url = await listeningUrl(gateway);
  const graphqlUrl = `${url}/graphql`;
  return {
    ...gateway,
    url,
    graphqlUrl,
    async gql<T>(query: string, variables?: Record<string, unknown>, apiKey: string | null = 'demo') {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GqlResponse<T>['body'];
      return { status: response.status, headers: {}, body };
    },
  };
}

beforeAll(async () => {
  buildGateway();
  [redis, sims] = await Promise.all([
    startRedisServer({ password: 'bulk-failover-redis-password' }),
    startSimulators(),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'gl-bulk-failover-'));
  const config = {
    ...buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 }),
    signingSecret: 'bulk-failover-test-signing-secret-0123456789',
    redisUrl: redis.url,
    logLevel: 'info',
    bulk: { storage: { type: 'directory', path: join(dir, 'blobs') }, leaseMs: 1_500, sweepMs: 300 },
  };
  configPath = join(dir, 'gateway.json');
  writeFileSync(configPath, JSON.stringify(config));
  [a, b] = await Promise.all([startInstance(), startInstance()]);
}, 180_000);
afterAll(async () => {
  for (const instance of [a, b]) instance?.child.kill('SIGTERM');
  await Promise.all([a?.exited, b?.exited]);
  await sims?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The movements of a MyUnisoft company's latest exercise, as JSONL, and how many rows it holds. */
function movementsExport(): { input: StartBulkExportInput; rows: number } {
  const company = sims.dataset.companiesOf('myunisoft', 'demo')[0]!;
  const exercise = company.exercises.at(-1)!;
  const exerciseId = encodeGlobalId({
    type: 'Exercise',
    provider: 'MYUNISOFT',
    companyId: company.id,
    nativeId: exercise.id,
  });
  return {
    input: {
      companyId: companyGlobalId('MYUNISOFT', company.id),
      kind: 'MOVEMENTS',
      exerciseId,
      format: 'JSONL',
    },
    rows: ledgerLines(sims.dataset, company, exercise).lines.length,
  };
}

const start = async (gateway: Instance, input: StartBulkExportInput) =>
  dataOf(await runOperation(gateway, StartBulkExportDocument, { input })).startBulkExport.id;

/** Polls the export through `gateway` until it ends; the test's timeout bounds the wait. */
async function ended(gateway: Instance, id: string): Promise<BulkExportState> {
  for (;;) {
    const state = dataOf(await runOperation(gateway, GetBulkExportDocument, { id })).bulkExport;
    if (!state) throw new Error(`bulk export ${id} vanished`);
    if (state.status !== 'CREATED' && state.status !== 'RUNNING') return state;
    await sleep(100);
  }
}

/** The signed link's file, fetched from `gateway` with a plain GET (no header). */
async function fetchThrough(gateway: Instance, downloadUrl: string): Promise<string> {
  const link = new URL(downloadUrl);
  const file = await download(`${gateway.url}${link.pathname}${link.search}`, null);
  expect(file.status).toBe(200);
  return file.text;
}

const lineCount = (jsonl: string) => jsonl.trimEnd().split('\n').length;

/** Resolves once MyUnisoft holds a request under a latency fault: the export is running upstream. */
async function heldAtMyUnisoft(): Promise<void> {
  while (sims.simulators.myunisoft.delayedRequests === 0) await sleep(20);
}

it('downloads through B, with its signed link, an export started and completed on A', async () => {
  const { input, rows } = movementsExport();
  const done = await ended(a, await start(a, input));
  expect(done).toMatchObject({ status: 'COMPLETED', rowCount: rows });
  const throughA = await fetchThrough(a, done.downloadUrl!);
  const throughB = await fetchThrough(b, done.downloadUrl!);
  expect(lineCount(throughB)).toBe(rows);
  expect(throughB).toBe(throughA);
}, 120_000);

it('finishes on B an export whose instance was killed mid-run, and B serves its file', async () => {
  const { input, rows } = movementsExport();
  expect(rows).toBeGreaterThan(0);
  // B must not win the export from A at its start: its sweep stays frozen until A holds it.
  b.child.kill('SIGSTOP');
  let id: string;
  try {
    sims.simulators.myunisoft.faults.add({
      kind: 'latency',
      ms: 120_000,
      method: 'GET',
      path: MOVEMENTS,
      times: 1,
    });
    id = await start(a, input);
    await heldAtMyUnisoft();
  } finally {
    b.child.kill('SIGCONT');
  }
  expect(dataOf(await runOperation(b, GetBulkExportDocument, { id })).bulkExport?.status).toBe('RUNNING');
  a.child.kill('SIGKILL');
  await a.exited;

  const done = await ended(b, id);
  expect(done).toMatchObject({ status: 'COMPLETED', errorCode: null, rowCount: rows });
  // B ran it to the end (its log says so); A never completed it.
  const nativeId = decodeGlobalId(id, 'id').nativeId;
  const completedBy = (gateway: GatewayProcess) =>
    gateway
      .output()
      .split('\n')
      .some((line) => line.includes('bulk export completed') && line.includes(nativeId));
  expect(completedBy(b)).toBe(true);
  expect(completedBy(a)).toBe(false);

  const file = await fetchThrough(b, done.downloadUrl!);
  expect(lineCount(file)).toBe(rows);
  // Byte for byte what a fresh export, never interrupted, writes.
  const fresh = await ended(b, await start(b, input));
  expect(fresh.status).toBe('COMPLETED');
  expect(file).toBe(await fetchThrough(b, fresh.downloadUrl!));
}, 180_000);
