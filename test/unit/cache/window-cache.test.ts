import { z } from 'zod';
import { ListingSnapshots } from '../../../src/cache/listing-snapshots';
import { WindowCache } from '../../../src/cache/window-cache';
import { GatewayMetrics } from '../../../src/observability/gateway-metrics';
import { MemoryStore } from '../../../src/store/memory-store';

const clock = { at: 1_000_000 };
const now = () => clock.at;
const row = z.object({ n: z.number() });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ n: from + i }));

/** A text of `bytes` UTF-8 bytes, told apart by its first character. */
const text = (mark: string, bytes: number) => mark.padEnd(bytes, '.');

describe('WindowCache', () => {
  beforeEach(() => {
    clock.at = 1_000_000;
  });

  it('holds at most maxBytes, evicting the least recently used first', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    cache.set('a', text('A', 40), 60_000);
    cache.set('b', text('B', 40), 60_000);
    expect(cache.get('a')).toBe(text('A', 40)); // a is now the most recently used
    cache.set('c', text('C', 40), 60_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(text('A', 40));
    expect(cache.get('c')).toBe(text('C', 40));
    expect(cache.bytes).toBe(80);
    expect(cache.size).toBe(2);
    expect(cache.evictions).toBe(1);
  });

  it('keeps nothing larger than the bound, and replacing a key counts its bytes once', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    const onEvict = jest.fn();
    cache.set('big', text('X', 101), 60_000, onEvict);
    expect(cache.get('big')).toBeUndefined();
    expect(onEvict).toHaveBeenCalledWith(text('X', 101), 60_000);
    cache.set('k', text('1', 60), 60_000);
    cache.set('k', text('2', 70), 60_000);
    expect(cache.get('k')).toBe(text('2', 70));
    expect(cache.bytes).toBe(70);
    cache.delete('k');
    expect(cache.bytes).toBe(0);
    expect(cache.evictions).toBe(0);
  });

  it('forgets an entry once its TTL passed on the injected clock', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    cache.set('a', text('A', 10), 1_000);
    clock.at += 999;
    expect(cache.get('a')).toBe(text('A', 10));
    clock.at += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('keeps texts across slabs, multi-byte characters cut at a slab edge included', () => {
    const cache = new WindowCache({ maxBytes: 64, slabBytes: 4, now });
    const mixed = 'aé€😀b"ç\\n'.repeat(2); // 1-, 2-, 3- and 4-byte characters: some straddle two slabs
    cache.set('m', mixed, 60_000);
    cache.set('one', 'abc', 60_000);
    cache.set('empty', '', 60_000);
    expect(cache.get('m')).toBe(mixed);
    expect(cache.get('one')).toBe('abc');
    expect(cache.get('empty')).toBe('');
    expect(cache.bytes).toBe(Math.ceil(Buffer.byteLength(mixed) / 4) * 4 + 4);
  });

  it('reuses the slabs an evicted, deleted or expired entry freed, never allocating past maxBytes', () => {
    const cache = new WindowCache({ maxBytes: 40, slabBytes: 8, now });
    const onEvict = jest.fn();
    cache.set('a', text('A', 20), 60_000, onEvict); // 3 slabs
    cache.set('b', text('B', 16), 1_000); // 2 slabs: 5 of 5 made
    expect(cache.allocatedBytes).toBe(40);
    cache.delete('b');
    cache.set('c', text('C', 9), 60_000); // b's 2 slabs
    expect(cache.allocatedBytes).toBe(40);
    expect(cache.get('a')).toBe(text('A', 20));
    // a is the most recently used: c is evicted for d's 3 slabs, then a as well.
    clock.at += 10_000;
    cache.set('d', text('D', 24), 60_000, onEvict);
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('a')).toBeUndefined();
    expect(onEvict).toHaveBeenCalledWith(text('A', 20), 50_000);
    expect(cache.get('d')).toBe(text('D', 24));
    expect(cache.evictions).toBe(2);
    expect(cache.allocatedBytes).toBe(40);
    // An expired entry's slabs are reused without counting an eviction or calling onEvict.
    cache.set('e', text('E', 16), 1_000, onEvict);
    clock.at += 1_000;
    cache.set('f', text('F', 32), 60_000);
    expect(cache.get('e')).toBeUndefined();
    expect(cache.get('d')).toBeUndefined();
    expect(cache.get('f')).toBe(text('F', 32));
    expect(onEvict).toHaveBeenCalledTimes(2);
    expect(onEvict).toHaveBeenLastCalledWith(text('D', 24), 59_000);
    expect(cache.evictions).toBe(3);
    expect(cache.bytes).toBe(32);
    expect(cache.allocatedBytes).toBe(40);
  });

  it('an evicted text is read out before its slabs take the new one', () => {
    const cache = new WindowCache({ maxBytes: 16, slabBytes: 4, now });
    const evicted: string[] = [];
    cache.set('a', text('A', 16), 60_000, (t) => evicted.push(t));
    cache.set('b', text('B', 16), 60_000);
    expect(evicted).toEqual([text('A', 16)]);
    expect(cache.get('b')).toBe(text('B', 16));
  });
});

describe('ListingSnapshots over a shared WindowCache', () => {
  beforeEach(() => {
    clock.at = 1_000_000;
  });

  const snapshotsOf = (
    tenantId: string,
    store: MemoryStore,
    windows?: WindowCache,
    options: { chunksInStore?: boolean; maxChars?: number } = {},
  ) =>
    new ListingSnapshots({ store, tenantId, chunkSize: 4, now, ...(windows ? { windows } : {}), ...options });

  it('serves pages from the chunks it wrote without reading the store again', async () => {
    const store = new MemoryStore(now);
    const windows = new WindowCache({ maxBytes: 1_000_000, now });
    const snapshots = snapshotsOf('t1', store, windows);
    const snapshot = await snapshots.load('l', row, (write) => write(rows(0, 10)));
    expect(windows.size).toBe(3);
    const get = jest.spyOn(store, 'get');
    expect(await snapshot.read(2, 7)).toEqual(rows(2, 7));
    expect(await snapshot.findIndex((r) => r.n === 9)).toBe(9);
    expect(get).not.toHaveBeenCalled();
  });

  it('checks a chunk another instance wrote once, when it is first read, then serves it decoded', async () => {
    const store = new MemoryStore(now);
    const writer = snapshotsOf('t1', store);
    const written = await writer.load('l', row, (write) => write(rows(0, 8)));
    const windows = new WindowCache({ maxBytes: 1_000_000, now });
    const reader = snapshotsOf('t1', store, windows);
    const opened = (await reader.open('l', written.id, row))!;
    const get = jest.spyOn(store, 'get');
    expect(await opened.read(0, 4)).toEqual(rows(0, 4));
    expect(await opened.read(1, 2)).toEqual(rows(1, 2));
    expect(get).toHaveBeenCalledTimes(1);
    // A malformed chunk from the store is refused when it enters the cache.
    await store.set(`tenant:t1:snapshot-chunk:${written.id}:1`, JSON.stringify([{ n: 'x' }]));
    await expect(opened.read(4, 1)).rejects.toThrow();
    expect(windows.size).toBe(1);
  });

  it("never serves one tenant's rows to another through the shared cache", async () => {
    const store = new MemoryStore(now);
    const windows = new WindowCache({ maxBytes: 1_000_000, now });
    const a = snapshotsOf('tenant-a', store, windows);
    const b = snapshotsOf('tenant-b', store, windows);
    const ofA = await a.load('same listing', row, (write) => write(rows(0, 3)));
    expect(await b.open('same listing', ofA.id, row)).toBeNull();
    const ofB = await b.load('same listing', row, (write) => write(rows(100, 2)));
    expect(await ofB.read(0, 10)).toEqual(rows(100, 2));
    expect(await ofA.read(0, 10)).toEqual(rows(0, 3));
    expect(windows.size).toBe(2);
  });

  it('evicts the oldest windows under its byte bound; an evicted chunk is read back from the store', async () => {
    const store = new MemoryStore(now);
    // Each chunk of four rows is 33–37 bytes of JSON: room for two.
    const windows = new WindowCache({ maxBytes: 80, now });
    const snapshots = snapshotsOf('t1', store, windows);
    const first = await snapshots.load('a', row, (write) => write(rows(0, 4)));
    await snapshots.load('b', row, (write) => write(rows(10, 4)));
    await snapshots.load('c', row, (write) => write(rows(20, 4)));
    expect(windows.size).toBe(2);
    expect(windows.evictions).toBe(1);
    expect(windows.bytes).toBe(74);
    const get = jest.spyOn(store, 'get');
    expect(await first.read(0, 4)).toEqual(rows(0, 4));
    expect(get).toHaveBeenCalledTimes(1);
  });

  it("on the instance's own memory store, a chunk reaches the store only once evicted", async () => {
    const store = new MemoryStore(now);
    const windows = new WindowCache({ maxBytes: 80, now });
    const snapshots = snapshotsOf('t1', store, windows, { chunksInStore: false });
    const set = jest.spyOn(store, 'set');
    const a = await snapshots.load('a', row, (write) => write(rows(0, 4)));
    const b = await snapshots.load('b', row, (write) => write(rows(10, 4)));
    // Two snapshot records, no chunk.
    expect(set.mock.calls.map(([key]) => key)).toEqual([
      expect.stringContaining(':snapshot:'),
      expect.stringContaining(':snapshot:'),
    ]);
    clock.at += 10_000;
    await snapshots.load('c', row, (write) => write(rows(20, 4)));
    // a's chunk was evicted to the store, with what was left of its TTL.
    expect(set).toHaveBeenCalledWith(
      `tenant:t1:snapshot-chunk:${a.id}:0`,
      JSON.stringify(rows(0, 4)),
      50_000,
    );
    const get = jest.spyOn(store, 'get');
    expect(await a.read(0, 4)).toEqual(rows(0, 4));
    expect(await b.read(1, 2)).toEqual(rows(11, 2));
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('drops the chunks of a snapshot it deletes', async () => {
    const store = new MemoryStore(now);
    const windows = new WindowCache({ maxBytes: 1_000_000, now });
    const snapshots = snapshotsOf('t1', store, windows, { maxChars: 60 });
    const a = await snapshots.load('a', row, (write) => write(rows(0, 4)));
    await snapshots.load('b', row, (write) => write(rows(10, 4)));
    expect(await a.read(0, 1)).toBeNull();
    expect(windows.size).toBe(1);
  });
});

describe('window cache metrics', () => {
  it('reports the bytes, entries and evictions in the exposition', async () => {
    const metrics = new GatewayMetrics();
    const cache = new WindowCache({ maxBytes: 100, now });
    metrics.observeWindowCache(cache);
    cache.set('a', text('a', 60), 60_000);
    cache.set('b', text('b', 30), 60_000);
    cache.set('c', text('c', 50), 60_000);
    const { body } = await metrics.expose();
    expect(body).toMatch(/^window_cache_bytes 80$/m);
    expect(body).toMatch(/^window_cache_entries 2$/m);
    expect(body).toMatch(/^window_cache_evictions_total 1$/m);
    expect(body).toMatch(/^window_cache_allocated_bytes 90$/m);
    cache.set('d', text('d', 100), 60_000);
    expect((await metrics.expose()).body).toMatch(/^window_cache_evictions_total 3$/m);
  });
});
