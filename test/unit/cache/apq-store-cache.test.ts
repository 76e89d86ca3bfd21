import { ApqStoreCache } from '../../../src/cache/apq-store-cache';
import { MemoryStore } from '../../../src/store/memory-store';

describe('APQ cache on the shared store', () => {
  it('stores query text under a prefix, with Apollo’s TTL or a day by default', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    const cache = new ApqStoreCache(store);
    await cache.set('apq:abc', '{ companies { totalCount } }');
    await cache.set('apq:short', '{ a }', { ttl: 10 });
    expect(await store.get('gateway:apq:abc')).toBe('{ companies { totalCount } }');
    expect(await new ApqStoreCache(store).get('apq:abc')).toBe('{ companies { totalCount } }');
    now = 10_000;
    expect(await cache.get('apq:short')).toBeUndefined();
    now = 86_400_000;
    expect(await cache.get('apq:abc')).toBeUndefined();
    await cache.set('apq:gone', 'x');
    await cache.delete('apq:gone');
    expect(await cache.get('apq:gone')).toBeUndefined();
  });
});
