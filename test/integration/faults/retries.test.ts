/**
 * Retries as the simulators count them: an idempotent read that meets one 503 is retried and the
 * caller never sees the failure; Retry-After is waited for when it fits the retry budget and handed
 * to the caller when it does not; retries are bounded; a POST that creates something (an export) is
 * sent exactly once, whatever the failure.
 */
import { companyGlobalId } from '../../../src/domain/ids';
import type { SimulatorName } from '../../../src/simulators/harness';
import { startStack, type Stack } from '../../support/stack';
import { createExportJob, firstCode } from '../idempotency/mutation-calls';
import { PROBES, errorsOf, hasData, probeRequests, runProbe } from './provider-probes';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      // Every query must reach the providers: the list cache has its own tests.
      cache: { listTtlMs: 0 },
      http: { maxRetries: 2, retryBaseMs: 5, retryBudgetMs: 3_000, breaker: { failureThreshold: 1_000 } },
    }),
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.resetRequests());
afterEach(() => Object.values(stack.sims.simulators).forEach((sim) => sim.faults.clear()));

const PROVIDERS = Object.keys(PROBES) as SimulatorName[];
const fault = (provider: SimulatorName, spec: Record<string, unknown>) => {
  const { method, path } = PROBES[provider];
  stack.sims.simulators[provider].faults.add({ kind: 'status', method, path, ...spec });
};

describe('idempotent reads', () => {
  it.each(PROVIDERS)('%s: one 503 is retried, the caller gets the data', async (provider) => {
    fault(provider, { status: 503, times: 1 });
    const { body } = await runProbe(stack);
    expect(body.errors).toBeUndefined();
    expect(hasData(body, provider)).toBe(true);
    expect(probeRequests(stack.sims, PROBES[provider])).toBe(2);
  });

  it('gives up after maxRetries: three attempts, then UPSTREAM_ERROR', async () => {
    fault('inqom', { status: 503 });
    const { body } = await runProbe(stack);
    expect(errorsOf(body, 'inqom')[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstreamStatus: 503,
    });
    expect(probeRequests(stack.sims, PROBES.inqom)).toBe(3);
  });

  it('waits for a Retry-After that fits the budget, then succeeds', async () => {
    fault('myunisoft', { kind: 'rate_limit', retryAfter: 1, times: 1 });
    const { body } = await runProbe(stack);
    expect(body.errors).toBeUndefined();
    const attempts = stack.sims.simulators.myunisoft.requests.filter((r) => r.path === '/api/v1/society');
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    // A lower bound, which a correct client cannot miss: the retry came after the second asked for.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('does not wait for a Retry-After beyond the budget: UPSTREAM_RATE_LIMITED with retryAfterSeconds', async () => {
    fault('myunisoft', { kind: 'rate_limit', retryAfter: 60 });
    const { body } = await runProbe(stack);
    expect(errorsOf(body, 'myunisoft')[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 60,
    });
    expect(probeRequests(stack.sims, PROBES.myunisoft)).toBe(1);
  });
});

describe('writes are never retried', () => {
  const pleoExport = async () => {
    const company = stack.sims.dataset.companiesOf('pleo', 'demo')[0]!;
    const companyId = companyGlobalId('PLEO', company.id);
    const { body } = await stack.gql<{ company: { entries: { edges: { node: { id: string } }[] } } }>(
      'query($id: ID!) { company(id: $id) { entries(first: 1) { edges { node { id } } } } }',
      { id: companyId },
    );
    return { companyId, entryIds: body.data!.company.entries.edges.map((edge) => edge.node.id) };
  };
  const posts = (provider: SimulatorName, path: string) =>
    stack.sims.simulators[provider].requests.filter((r) => r.method === 'POST' && r.path === path).length;

  it.each([
    ['503', { kind: 'status', status: 503 }],
    ['connection reset', { kind: 'reset' }],
  ] as const)('Pleo export job after a %s: sent once, UPSTREAM_ERROR', async (_name, spec) => {
    const input = await pleoExport();
    stack.sims.simulators.pleo.faults.add({ ...spec, method: 'POST', path: '^/v3/export-jobs$' });
    const { body } = await createExportJob(stack, input);
    expect(firstCode(body)).toBe('UPSTREAM_ERROR');
    expect(posts('pleo', '/v3/export-jobs')).toBe(1);
  });

  it('Jepilote export after a 503: sent once, UPSTREAM_ERROR', async () => {
    const company = stack.sims.dataset.companiesOf('jepilote', 'demo')[0]!;
    stack.sims.simulators.jepilote.faults.add({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: '^/export_documents$',
    });
    const input = { companyId: companyGlobalId('JEPILOTE', company.id), format: 'FEC', markAsExported: true };
    const { body } = await createExportJob(stack, input);
    expect(firstCode(body)).toBe('UPSTREAM_ERROR');
    expect(posts('jepilote', '/export_documents')).toBe(1);
  });
});
