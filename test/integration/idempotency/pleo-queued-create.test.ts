/**
 * A Pleo job creation whose POST waits in a queue (its instance's request budget is spent) after the
 * attempt began. Its checkpoint must be stamped when the POST leaves, never before the wait: else its
 * uncertainty window and its lease can lapse while the POST still sits in the queue, another instance
 * takes the key over, finds no job, creates one, and the queued POST then creates a second.
 * Real HTTP against the Pleo simulator; every clock (leases, budget waits, the simulator's jobs) is
 * one FakeClock moved by hand.
 */
import { randomUUID } from 'node:crypto';
import { idempotencyKeys } from '../../../src/idempotency/idempotency-record';
import { runIdempotently } from '../../../src/idempotency/run-idempotently';
import { createPleoConnector } from '../../../src/providers/pleo/connector';
import type { PleoAccount } from '../../../src/providers/pleo/client';
import type { ProviderConnector } from '../../../src/providers/types';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createDataset } from '../../../src/simulators/data/dataset';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { FINISH_AFTER_MS, planOutcome } from '../../../src/simulators/pleo/lifecycle';
import { PleoEntryIndex } from '../../../src/simulators/pleo/entry-index';
import { createPleoSimulator } from '../../../src/simulators/pleo/server';
import { hasContraAccount } from '../../../src/simulators/pleo/accounting-entry';
import { MemoryStore } from '../../../src/store/memory-store';
import { FakeClock } from '../../support/fake-clock';

const LEASE_MS = 30_000;
const WINDOW_MS = 60_000;
/** Two calls per 2 minutes: once two reads spent it, the next call waits ~2 minutes for budget. */
const BUDGET = { requests: 2, perMs: 120_000 };

const clock = new FakeClock(Date.now());
const dataset = createDataset({ seed: 42 });
const company = dataset.companiesOf('pleo', 'demo')[0]!;
/** Idempotency records and leases: what every instance shares. */
const store = new MemoryStore(clock.now);
let sim: SimulatorServer;
const connectors: ProviderConnector[] = [];

/** One gateway instance: its own HTTP pool and budget queue (counted apart, so B's calls never wait behind A's). */
function instance(): ProviderConnector {
  const account: PleoAccount = {
    baseUrl: sim.url,
    auth: { type: 'basic', apiKey: demoCredentials.pleo.demo.apiKey },
    companies: [{ id: company.id, name: company.name, siren: company.siren }],
  };
  const connector = createPleoConnector(account, {
    tenantId: 'demo',
    store,
    http: {
      maxRetries: 0,
      budgetStore: new MemoryStore(clock.now),
      budgetClock: clock,
      upstream: { waitMs: 600_000, providers: { PLEO: { budget: BUDGET } } },
    },
  });
  connectors.push(connector);
  return connector;
}

let nextStart = 0;
/** Two exportable entries no earlier scenario exported, whose auto-run job completes. */
function entriesToExport(): string[] {
  const index = new PleoEntryIndex(dataset);
  const ids = index
    .entriesOf(company)
    .filter((ref) => hasContraAccount(index.load(ref)))
    .map((ref) => ref.uuid);
  for (let start = nextStart; start + 2 <= ids.length; start += 2) {
    const set = ids.slice(start, start + 2);
    nextStart = start + 2;
    if (!planOutcome(dataset.seed, set).failure) return set;
  }
  throw new Error('no entry pair whose job completes');
}

/** Lets real I/O run until `check` holds (a bounded number of event-loop turns, never a time). */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 5_000 && !check(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
}

beforeAll(async () => {
  sim = await createPleoSimulator({ dataset, port: 0, now: clock.now });
});
afterAll(async () => {
  await Promise.all(connectors.map((connector) => connector.close()));
  await sim.close();
});

const createPosts = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/v3/export-jobs');

/** `createExportJob` with one idempotency key, as each instance runs it. */
function keyedCreate() {
  const request = { companyId: company.id, entryIds: entriesToExport() };
  const key = randomUUID();
  const create = (connector: ProviderConnector, leaseMs = LEASE_MS) =>
    runIdempotently({
      store,
      tenantId: 'demo',
      key,
      operation: 'createExportJob',
      input: request,
      now: clock.now,
      leaseMs,
      uncertainWindowMs: WINDOW_MS,
      run: (journal) => connector.openSession({ requestId: 'test' }).createExportJob!(request, journal),
    });
  return { create, lock: idempotencyKeys('demo', key).lock };
}

/** An instance whose budget two reads have spent: its next call waits ~2 minutes (fake) for budget. */
async function busyInstance(): Promise<ProviderConnector> {
  const connector = instance();
  for (let read = 0; read < BUDGET.requests; read++)
    await connector.openSession({ requestId: 'read' }).getExportJob!(company.id, randomUUID());
  return connector;
}

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (job) => ({ job }),
    (error: unknown) => ({ error }),
  );

beforeEach(async () => {
  sim.faults.clear();
  // The previous scenario's jobs finish: Pleo runs one job per company at a time.
  await clock.advance(FINISH_AFTER_MS);
  sim.resetRequests();
});

it('sends one POST when the first attempt is still queued after its lease and window lapsed', async () => {
  const { create } = keyedCreate();
  const first = settled(create(await busyInstance()));
  await until(() => clock.sleeping === 1); // A's POST waits for budget
  // Past A's lease (its renewals do not land: Redis stalled) and past the window of any checkpoint so far.
  await clock.advance(WINDOW_MS + 1_000);
  expect(createPosts()).toHaveLength(0);

  const second = await create(instance());
  expect(second).toMatchObject({ provider: 'PLEO', numberOfItems: 2 });
  expect(createPosts()).toHaveLength(1);

  // B's job finishes, then A's budget frees up: A's POST leaves the queue, unless it is stopped.
  await clock.advance(FINISH_AFTER_MS);
  await clock.advance(BUDGET.perMs);
  const outcome = await first;
  expect(createPosts()).toHaveLength(1);
  expect(outcome).toMatchObject({ error: { extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN' } } });
  // The key keeps B's job.
  expect(await create(instance())).toEqual(second);
});

it('counts the uncertainty window from the POST leaving the queue, not from the attempt starting', async () => {
  const { create, lock } = keyedCreate();
  // A's lease outlives its queue wait here (renewed, as it would be).
  const first = settled(create(await busyInstance(), 10 * 60_000));
  await until(() => clock.sleeping === 1);
  // Pleo holds A's POST (real ms) before it commits: B looks while it is in flight.
  sim.faults.add({ kind: 'slow_commit', method: 'POST', path: '^/v3/export-jobs$', ms: 1_500, times: 1 });
  await clock.advance(BUDGET.perMs + 30_000);
  await until(() => sim.faults.size === 0); // A's POST reached Pleo
  // Then A's lease is lost (Redis stalled past it); B takes the key over a second later.
  await store.delete(lock);
  await clock.advance(1_000);
  await expect(create(instance())).rejects.toMatchObject({
    extensions: { code: 'IDEMPOTENCY_OUTCOME_UNCERTAIN' },
  });

  const outcome = await first;
  expect(createPosts()).toHaveLength(1);
  expect(outcome).toMatchObject({ job: { provider: 'PLEO', numberOfItems: 2 } });
  // Once Pleo shows A's job, a retry returns it.
  const job = 'job' in outcome ? outcome.job : null;
  expect(await create(instance())).toEqual(job);
  expect(createPosts()).toHaveLength(1);
});
