/** Listing snapshots on a fresh memory store, in chunks of 4 rows, with a window cache when given (row-format tests). */
import { ListingSnapshots } from '../../src/cache/listing-snapshots';
import type { WindowCache } from '../../src/cache/window-cache';
import { MemoryStore } from '../../src/store/memory-store';

export function memorySnapshots(windows?: WindowCache) {
  const store = new MemoryStore();
  const snapshots = new ListingSnapshots({
    store,
    tenantId: 't1',
    chunkSize: 4,
    ...(windows ? { windows } : {}),
  });
  return { store, snapshots };
}
