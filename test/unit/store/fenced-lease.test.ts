/** FencedLease on the memory store with an injected clock: renewal, local deadline, release by token. */
import { FencedLease } from '../../../src/store/fenced-lease';
import { MemoryStore } from '../../../src/store/memory-store';

let clock: number;
const now = () => clock;
let store: MemoryStore;
beforeEach(() => {
  clock = 10_000;
  store = new MemoryStore(now);
});
const acquire = () => FencedLease.acquire({ store, key: 'lock', ttlMs: 1_000, now });

it('is held until its local deadline, and renewal moves the deadline', async () => {
  const lease = (await acquire())!;
  clock += 900;
  expect(await lease.renew()).toBe(true);
  clock += 900;
  expect(lease.held()).toBe(true);
  clock += 101;
  expect(lease.held()).toBe(false);
  expect(() => lease.assertHeld()).toThrow(expect.objectContaining({ code: 'LEASE_LOST' }));
});

it('is lost for good once another holder has the lock, and never frees the successor', async () => {
  const first = (await acquire())!;
  clock += 1_001; // expired in the store: a successor takes it
  const second = (await acquire())!;
  expect(second.fence).toBeGreaterThan(first.fence);
  expect(await first.renew()).toBe(false);
  await first.release();
  expect(await store.get('lock')).toBe(String(second.fence));
  await second.release();
  expect(await store.get('lock')).toBeNull();
});

it('stays held while the store does not answer, but only until its deadline', async () => {
  const lease = (await acquire())!;
  store.compareAndExtend = () => Promise.reject(new Error('stalled'));
  clock += 500;
  expect(await lease.renew()).toBe(true);
  clock += 501;
  expect(await lease.renew()).toBe(false);
});
