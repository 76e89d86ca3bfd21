/**
 * Parsed movement windows that later pages will need, kept per connector (so per tenant account) in a
 * small LRU bounded by the number of movements it holds, with a short TTL so fresh bookings show up.
 * Concurrent loads of one window share a single download.
 */
import type { MovementRow } from './movement-stream';

export interface MovementCacheOptions {
  /** Most movements held across all windows (default 30,000: the window a page reads and the one it looks ahead into). */
  maxMovements?: number;
  /** How long a window stays fresh, in ms (default 60,000). */
  ttlMs?: number;
  now?: () => number;
}

interface Slot {
  movements: MovementRow[];
  storedAt: number;
}

export class MovementWindowCache {
  private readonly slots = new Map<string, Slot>();
  private readonly loading = new Map<string, Promise<MovementRow[]>>();
  private held = 0;
  private readonly maxMovements: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MovementCacheOptions = {}) {
    this.maxMovements = options.maxMovements ?? 30_000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Movements currently held (for tests and metrics). */
  get size(): number {
    return this.held;
  }

  async get(key: string, load: () => Promise<MovementRow[]>): Promise<MovementRow[]> {
    const slot = this.slots.get(key);
    if (slot && this.now() - slot.storedAt < this.ttlMs) {
      // Re-insert: Map order is the recency order.
      this.slots.delete(key);
      this.slots.set(key, slot);
      return slot.movements;
    }
    if (slot) this.evict(key);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load()
      .then((movements) => {
        this.store(key, movements);
        return movements;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  private store(key: string, movements: MovementRow[]): void {
    if (movements.length > this.maxMovements) return; // a window bigger than the whole cache is not kept
    this.slots.set(key, { movements, storedAt: this.now() });
    this.held += movements.length;
    for (const oldest of this.slots.keys()) {
      if (this.held <= this.maxMovements) break;
      this.evict(oldest);
    }
  }

  private evict(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.held -= slot.movements.length;
  }
}
