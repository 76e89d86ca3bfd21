import { z } from 'zod';
import { ListingSnapshots } from '../../../src/cache/listing-snapshots';
import { WindowCache } from '../../../src/cache/window-cache';
import { GatewayMetrics } from '../../../src/observability/gateway-metrics';
import { MemoryStore } from '../../../src/store/memory-store';

const clock = { at: 1_000_000 };
const now = () => clock.at;
const row = z.object({ n: z.number() });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ n: from + i }));

describe('WindowCache', () => {
  beforeEach(() => {
    clock.at = 1_000_000;
  });

  it('holds at most maxBytes, evicting the least recently used first', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    cache.set('a', 'A', 40, 60_000);
    cache.set('b', 'B', 40, 60_000);
    expect(cache.get('a')).toBe('A'); // a is now the most recently used
    cache.set('c', 'C', 40, 60_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.bytes).toBe(80);
    expect(cache.size).toBe(2);
    expect(cache.evictions).toBe(1);
  });

  it('keeps nothing larger than the bound, and replacing a key counts its bytes once', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    cache.set('big', 'X', 101, 60_000);
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', 'v1', 60, 60_000);
    cache.set('k', 'v2', 70, 60_000);
    expect(cache.get('k')).toBe('v2');
    expect(cache.bytes).toBe(70);
    cache.delete('k');
    expect(cache.bytes).toBe(0);
    expect(cache.evictions).toBe(0);
  });

  it('forgets an entry once its TTL passed on the injected clock', () => {
    const cache = new WindowCache({ maxBytes: 100, now });
    cache.set('a', 'A', 10, 1_000);
    clock.at += 999;
    expect(cache.get('a')).toBe('A');
    clock.at += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
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
    cache.set('a', 1, 60, 60_000);
    cache.set('b', 2, 30, 60_000);
    cache.set('c', 3, 50, 60_000);
    const { body } = await metrics.expose();
    expect(body).toMatch(/^window_cache_bytes 80$/m);
    expect(body).toMatch(/^window_cache_entries 2$/m);
    expect(body).toMatch(/^window_cache_evictions_total 1$/m);
    cache.set('d', 4, 100, 60_000);
    expect((await metrics.expose()).body).toMatch(/^window_cache_evictions_total 3$/m);
  });
});
