/** The per-route cap counted across instances on a shared store (two SharedRouteSlots stand for two instances). */
import { SharedRouteSlots } from '../../../../src/providers/resilience/shared-route-slots';
import { MemoryStore } from '../../../../src/store/memory-store';
import { StoreUnavailableError } from '../../../../src/store/errors';
import type { SlotRefusal } from '../../../../src/providers/resilience/bulkhead-slot';

const LEASE_MS = 30_000;

/** Longest pause between two tries: a waiter sees a freed slot within it. */
const LONGEST_PAUSE_MS = 400;

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

class Refused extends Error {
  constructor(readonly reason: SlotRefusal) {
    super(reason);
  }
}
const waitUntil = (ms: number, signal?: AbortSignal) => ({
  deadline: Date.now() + ms,
  ...(signal ? { signal } : {}),
  refuse: (reason: SlotRefusal) => new Refused(reason),
});

/** Settles `promise` into a readable state without awaiting it (fake timers drive it). */
function track<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { value, settled: true }),
    (error: unknown) => Object.assign(state, { error, settled: true }),
  );
  return state;
}

function instances(capacity: number, store = new MemoryStore()) {
  return [0, 1].map(() => new SharedRouteSlots({ store, capacity, leaseMs: LEASE_MS }));
}

it('holds a call beyond the cap, counted over both instances, until a slot is released', async () => {
  const [a, b] = instances(2);
  const first = await a!.acquire('route', waitUntil(5_000));
  const second = await b!.acquire('route', waitUntil(5_000));
  const third = track(a!.acquire('route', waitUntil(5_000)));
  await jest.advanceTimersByTimeAsync(1_000);
  expect(third.settled).toBe(false);
  // Another route is counted apart.
  const other = await b!.acquire('other route', waitUntil(0));
  first();
  first(); // a second release gives nothing back twice
  await jest.advanceTimersByTimeAsync(LONGEST_PAUSE_MS + 100);
  expect(third.settled).toBe(true);
  expect(third.value).toEqual(expect.any(Function));
  // The cap is full again: the slot released twice was given back once.
  await expect(b!.acquire('route', waitUntil(0))).rejects.toMatchObject({ reason: 'timeout' });
  for (const release of [second, other, third.value as () => void]) release();
});

it('refuses with `timeout` at the deadline and with `aborted` when the caller gives up', async () => {
  const [a, b] = instances(1);
  const held = await a!.acquire('route', waitUntil(5_000));
  const late = track(b!.acquire('route', waitUntil(2_000)));
  await jest.advanceTimersByTimeAsync(2_500);
  expect(late.error).toMatchObject({ reason: 'timeout' });
  const controller = new AbortController();
  const abandoned = track(b!.acquire('route', waitUntil(60_000, controller.signal)));
  await jest.advanceTimersByTimeAsync(300);
  controller.abort();
  await jest.advanceTimersByTimeAsync(0);
  expect(abandoned.error).toMatchObject({ reason: 'aborted' });
  held();
});

it('keeps a long call’s slot by renewing its lease, and frees the slot of an instance that stopped renewing', async () => {
  const store = new MemoryStore();
  const [a, b] = instances(1, store);
  const release = await a!.acquire('route', waitUntil(0));
  // Ten leases long: a's renewals keep the slot.
  const waiting = track(b!.acquire('route', waitUntil(10 * LEASE_MS)));
  await jest.advanceTimersByTimeAsync(9 * LEASE_MS);
  expect(waiting.settled).toBe(false);
  release();
  await jest.advanceTimersByTimeAsync(LONGEST_PAUSE_MS + 100);
  expect(waiting.value).toEqual(expect.any(Function));
  (waiting.value as () => void)();
  // A holder whose instance died renews nothing: its slot frees itself once its lease lapsed.
  await store.leaseSlot('route', 'a dead instance', 1, LEASE_MS);
  const after = track(b!.acquire('route', waitUntil(2 * LEASE_MS)));
  await jest.advanceTimersByTimeAsync(LEASE_MS - 1_000);
  expect(after.settled).toBe(false);
  await jest.advanceTimersByTimeAsync(1_000 + LONGEST_PAUSE_MS + 100);
  expect(after.value).toEqual(expect.any(Function));
  (after.value as () => void)();
});

it("passes the store's failure on to the caller, which decides what a missing count means, and frees what it may hold", async () => {
  const store = new MemoryStore();
  const lease = store.leaseSlot.bind(store);
  // The lease is taken, then its answer is lost (a Redis command timing out after it ran).
  store.leaseSlot = async (...args) => {
    await lease(...args);
    throw new StoreUnavailableError('lease');
  };
  const [a, b] = instances(1, store);
  await expect(a!.acquire('route', waitUntil(0))).rejects.toBeInstanceOf(StoreUnavailableError);
  // The slot it may hold is given back at once, not after its lease lapsed.
  store.leaseSlot = lease;
  await expect(b!.acquire('route', waitUntil(0))).resolves.toEqual(expect.any(Function));
});
