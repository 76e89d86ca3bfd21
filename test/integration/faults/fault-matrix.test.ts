/**
 * Every fault kind on every provider, through the gateway over real HTTP: the broken provider's field
 * fails with the typed code of that fault, and the three healthy providers still return their data in
 * the same response. Short timeouts come from the config's `http` section; the breaker is set out of
 * reach here (it has its own test) so that one cell's failures do not leak into the next.
 */
import type { FaultSpec } from '../../../src/simulators/faults';
import type { SimulatorName } from '../../../src/simulators/harness';
import { startStack, type Stack } from '../../support/stack';
import { PROBES, errorsOf, hasData, runProbe } from './provider-probes';

const matrixStack = (waitMs = 30_000) =>
  startStack({
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      // Every query must reach the providers: the list cache has its own tests.
      cache: { listTtlMs: 0 },
      // Under the simulators' quotas the ~30 probes wait for budget (default); the rate_limit cells wait
      // 2 s at most, so that a Retry-After of 30 s is handed to the caller rather than waited for.
      upstream: { waitMs },
      http: {
        headersTimeoutMs: 250,
        bodyTimeoutMs: 250,
        // Retries have their own test; here each cell costs one attempt per provider.
        maxRetries: 0,
        breaker: { failureThreshold: 1_000 },
      },
    }),
  });

let stack: Stack;
beforeAll(async () => {
  stack = await matrixStack();
});
afterAll(() => stack.close());
afterEach(() => Object.values(stack.sims.simulators).forEach((sim) => sim.faults.clear()));

type Kind = FaultSpec['kind'];
const CASES: [Kind, Omit<FaultSpec, 'kind'>, string][] = [
  ['latency', { ms: 1_500 }, 'UPSTREAM_TIMEOUT'],
  ['status', { status: 503 }, 'UPSTREAM_ERROR'],
  ['reset', {}, 'UPSTREAM_ERROR'],
  ['stall', {}, 'UPSTREAM_TIMEOUT'],
  ['malformed_json', {}, 'UPSTREAM_INVALID_RESPONSE'],
  ['drift', {}, 'UPSTREAM_INVALID_RESPONSE'],
  ['reset_after_commit', {}, 'UPSTREAM_ERROR'],
];
const PROVIDERS = Object.keys(PROBES) as SimulatorName[];
const MATRIX = PROVIDERS.flatMap((provider) =>
  CASES.map(([kind, extra, code]) => [provider, kind, extra, code] as const),
);

describe('fault matrix: provider × fault kind', () => {
  it('answers every provider while no fault is set', async () => {
    const { status, body } = await runProbe(stack);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    for (const provider of PROVIDERS) expect(hasData(body, provider)).toBe(true);
  });

  it.each(MATRIX)('%s with %s fails with its code, the others still answer', (provider, kind, extra, code) =>
    expectFaultCell(stack, provider, kind, extra, code),
  );

  // A Retry-After beyond the retry budget and the wait for budget is handed to the caller. Each on its
  // own gateway: a provider with a budget (MyUnisoft, Inqom) then pauses its credential for those 30 s.
  it.each(PROVIDERS)('%s with rate_limit fails with its code, the others still answer', async (provider) => {
    const own = await matrixStack(2_000);
    try {
      await expectFaultCell(own, provider, 'rate_limit', { retryAfter: 30 }, 'UPSTREAM_RATE_LIMITED');
    } finally {
      await own.close();
    }
  });
});

async function expectFaultCell(
  stack: Stack,
  provider: SimulatorName,
  kind: Kind,
  extra: Omit<FaultSpec, 'kind'>,
  code: string,
): Promise<void> {
  const probe = PROBES[provider];
  stack.sims.simulators[provider].faults.add({ kind, method: probe.method, path: probe.path, ...extra });
  const { status, body } = await runProbe(stack);
  expect(status).toBe(200);
  const errors = errorsOf(body, provider);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]?.extensions).toMatchObject({ code, provider: provider.toUpperCase() });
  if (code === 'UPSTREAM_RATE_LIMITED') expect(errors[0]?.extensions?.retryAfterSeconds).toBe(30);
  for (const other of PROVIDERS.filter((p) => p !== provider)) {
    expect(hasData(body, other)).toBe(true);
    expect(errorsOf(body, other)).toEqual([]);
  }
  // Only errors of the broken provider, none masked as INTERNAL_SERVER_ERROR.
  expect((body.errors ?? []).every((e) => e.path?.[0] === provider)).toBe(true);
}
