/**
 * A bounded load test on loopback: 2,000 GraphQL requests at concurrency 50, each reading from the
 * four providers, while about 5% of upstream calls are faulted (random kinds and providers, through
 * the simulators' admin API). Checked: no gateway 5xx; every error typed with a known code and placed
 * on the failing provider's field; the healthy providers' data in every response; heap after GC back
 * near its level after warm-up (tolerance: +30 MB, for JIT code, pools and allocator slack; a leak of
 * a few KB per request would exceed it).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { SimulatorName } from '../../src/simulators/harness';
import { startStack, type Stack } from '../support/stack';
import { PROBES, errorsOf, hasData, runProbe } from '../integration/faults/provider-probes';
import { FaultInjector, seededRandom } from './fault-injector';

const REQUESTS = 2_000;
const CONCURRENCY = 50;
const FAULT_RATE = 0.05;
const WARM_UP = 100;
const HEAP_TOLERANCE_BYTES = 30 * 1024 * 1024;
const TYPED_CODES = new Set([
  'UPSTREAM_ERROR',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_INVALID_RESPONSE',
]);
const PROVIDERS = Object.keys(PROBES) as SimulatorName[];

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** Calls to the four routes the probe reads (tokens and logins excluded). */
const dataCalls = () =>
  PROVIDERS.reduce((sum, provider) => {
    const { method, path } = PROBES[provider];
    const regex = new RegExp(path);
    const calls = stack.sims.simulators[provider].requests;
    return sum + calls.filter((r) => r.method === method && regex.test(r.path)).length;
  }, 0);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    // 2,000 requests at concurrency 50 test fault handling far past any provider's quota.
    enforceRateLimits: false,
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      // Every query must reach the providers: the list cache has its own tests.
      cache: { listTtlMs: 0 },
      http: { headersTimeoutMs: 500, bodyTimeoutMs: 500, retryBaseMs: 5, retryBudgetMs: 1_000 },
    }),
  });
});
afterAll(() => stack.close());

interface Tally {
  responses: number;
  statuses: Map<number, number>;
  untyped: string[];
  misplaced: number;
  missingHealthyData: number;
  providerErrors: number;
  fullyAnswered: number;
}

async function checkOne(tally: Tally, injector?: FaultInjector): Promise<void> {
  await injector?.beforeRequest();
  const { status, body } = await runProbe(stack);
  tally.responses++;
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  for (const error of body.errors ?? []) {
    const code = String(error.extensions?.code);
    if (!TYPED_CODES.has(code)) tally.untyped.push(`${code}: ${error.message}`);
    if (!PROVIDERS.includes(error.path?.[0] as SimulatorName)) tally.misplaced++;
  }
  for (const provider of PROVIDERS) {
    if (errorsOf(body, provider).length > 0) tally.providerErrors++;
    else if (!hasData(body, provider)) tally.missingHealthyData++;
  }
  if (!body.errors) tally.fullyAnswered++;
}

/** `count` requests, `concurrency` at a time. */
async function drive(count: number, concurrency: number, tally: Tally, injector?: FaultInjector) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await checkOne(tally, injector);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const emptyTally = (): Tally => ({
  responses: 0,
  statuses: new Map(),
  untyped: [],
  misplaced: 0,
  missingHealthyData: 0,
  providerErrors: 0,
  fullyAnswered: 0,
});

describe('load with 5% of upstream calls faulted', () => {
  it('answers every request with typed errors and healthy providers’ data, and gives its memory back', async () => {
    // Warm-up: JIT, pools and tokens, so the baseline is the steady state.
    await drive(WARM_UP, CONCURRENCY, emptyTally());
    const heapBefore = heapAfterGc();

    const injector = new FaultInjector(stack.sims, PROBES, FAULT_RATE, seededRandom(20_240_101));
    stack.sims.resetRequests();
    const tally = emptyTally();
    const started = Date.now();
    await drive(REQUESTS, CONCURRENCY, tally, injector);
    const seconds = (Date.now() - started) / 1000;
    Object.values(stack.sims.simulators).forEach((sim) => sim.faults.clear());
    const heapAfter = heapAfterGc();

    // The numbers, for the reader of the CI log (not asserted: loopback speed varies).
    // eslint-disable-next-line no-console -- this line is the load test's report
    console.log(
      `load: ${tally.responses} requests in ${seconds.toFixed(1)} s (${Math.round(tally.responses / seconds)} req/s), ` +
        `${dataCalls()} provider data calls, ${injector.faultsInjected} faults injected, ` +
        `${tally.providerErrors} provider errors, ${tally.fullyAnswered} fully answered, ` +
        `heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MB`,
    );
    expect(tally.responses).toBe(REQUESTS);
    expect([...tally.statuses.keys()]).toEqual([200]);
    expect(tally.untyped).toEqual([]);
    expect(tally.misplaced).toBe(0);
    expect(tally.missingHealthyData).toBe(0);
    expect(injector.faultsInjected).toBeGreaterThan(0);
    expect(tally.providerErrors).toBeGreaterThan(0);
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_TOLERANCE_BYTES);
  }, 120_000);
});
