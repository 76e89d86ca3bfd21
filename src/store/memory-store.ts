import type { SharedStore } from './types';

interface Slot {
  value: string;
  expiresAt: number | null;
}

/** Least time between two sweeps of expired keys, in ms. */
const SWEEP_INTERVAL_MS = 1_000;

/**
 * In-process store: the embedded default for a single instance. Expired keys are dropped when read,
 * and swept at most once a second on writes: snapshot chunks nobody reads again must not stay forever.
 */
export class MemoryStore implements SharedStore {
  private readonly values = new Map<string, Slot>();
  private readonly lists = new Map<string, string[]>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    return this.read(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.sweep();
    this.values.set(key, { value, expiresAt: ttlMs === undefined ? null : this.now() + ttlMs });
  }

  /** Keys held, expired or not (tests). */
  get size(): number {
    return this.values.size;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, slot] of this.values)
      if (slot.expiresAt !== null && slot.expiresAt <= now) this.values.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    if (this.read(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.lists.delete(key);
  }

  async increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    const slot = this.read(key);
    const next = (slot ? Number(slot.value) : 0) + by;
    this.values.set(key, {
      value: String(next),
      expiresAt: slot ? slot.expiresAt : ttlMs === undefined ? null : this.now() + ttlMs,
    });
    return next;
  }

  async listAppend(key: string, value: string): Promise<void> {
    const list = this.lists.get(key) ?? [];
    list.push(value);
    this.lists.set(key, list);
  }

  async listRange(key: string, start: number, stopInclusive: number): Promise<string[]> {
    const list = this.lists.get(key) ?? [];
    return list.slice(start, stopInclusive < 0 ? list.length + stopInclusive + 1 : stopInclusive + 1);
  }

  async listLength(key: string): Promise<number> {
    return this.lists.get(key)?.length ?? 0;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.values.clear();
    this.lists.clear();
  }

  private read(key: string): Slot | undefined {
    const slot = this.values.get(key);
    if (slot && slot.expiresAt !== null && slot.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return slot;
  }
}
