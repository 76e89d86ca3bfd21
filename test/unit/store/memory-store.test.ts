import { MemoryStore } from '../../../src/store/memory-store';

/** A store on a clock the test moves. */
function clocked() {
  let now = 1_000_000;
  const store = new MemoryStore(() => now);
  return { store, advance: (ms: number) => (now += ms) };
}

describe('MemoryStore sweeps what nobody touches again', () => {
  it('drops the lapsed leases of a slot key never leased again', async () => {
    const { store, advance } = clocked();
    expect(await store.leaseSlot('route:a', 'h1', 2, 500)).toBe(true);
    expect(await store.leaseSlot('route:a', 'h2', 2, 500)).toBe(true);
    expect(store.held.leaseKeys).toBe(1);
    advance(1_500);
    await store.leaseSlot('route:b', 'h3', 1, 500);
    expect(store.held.leaseKeys).toBe(1); // route:b only
  });

  it('keeps a live lease through a sweep, and its capacity with it', async () => {
    const { store, advance } = clocked();
    expect(await store.leaseSlot('route:a', 'h1', 1, 5_000)).toBe(true);
    advance(1_500);
    await store.set('other', 'x');
    expect(store.held.leaseKeys).toBe(1);
    expect(await store.leaseSlot('route:a', 'h2', 1, 5_000)).toBe(false);
    advance(4_000);
    expect(await store.leaseSlot('route:a', 'h2', 1, 5_000)).toBe(true);
  });

  it('drops an expired list nobody reads again', async () => {
    const { store, advance } = clocked();
    await store.listAppend('events', 'one', 500);
    await store.listAppend('kept', 'one');
    advance(1_500);
    await store.increment('counter');
    expect(store.held.lists).toBe(1);
    expect(await store.listLength('kept')).toBe(1);
    expect(await store.listLength('events')).toBe(0);
  });

  it('sweeps at most once a second', async () => {
    const { store, advance } = clocked();
    await store.set('first', 'x'); // the first write sweeps
    await store.set('short', 'x', 100);
    advance(200);
    await store.set('other', 'x'); // within the second: no sweep
    expect(store.size).toBe(3);
    advance(1_000);
    await store.set('later', 'x');
    expect(store.size).toBe(3); // short swept
  });
});
