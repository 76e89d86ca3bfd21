import { FENCES_KEPT_MS, type SharedStore } from './types';

interface Slot {
  value: string;
  expiresAt: number | null;
}

/** Least time between two sweeps of expired keys, in ms. */
const SWEEP_INTERVAL_MS = 1_000;

/**
 * In-process store: the embedded default for a single instance. Expired keys, lists and lapsed slot
 * leases are dropped when read, and swept at most once a second on writes: snapshot chunks, or the
 * leases of a route nobody calls again, must not stay forever.
 */
export class MemoryStore implements SharedStore {
  private readonly values = new Map<string, Slot>();
  private readonly lists = new Map<string, string[]>();
  private readonly listExpiry = new Map<string, number>();
  /** Slot leases: key → holder → when its lease lapses. */
  private readonly leases = new Map<string, Map<string, number>>();
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

  /** Lists and leased slot keys held, expired or not (tests). */
  get held(): { lists: number; leaseKeys: number } {
    return { lists: this.lists.size, leaseKeys: this.leases.size };
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, slot] of this.values)
      if (slot.expiresAt !== null && slot.expiresAt <= now) this.values.delete(key);
    for (const [key, expiresAt] of this.listExpiry) if (expiresAt <= now) this.dropList(key);
    for (const [key, holders] of this.leases) this.dropLapsed(key, holders, now);
  }

  private dropList(key: string): void {
    this.lists.delete(key);
    this.listExpiry.delete(key);
  }

  private dropLapsed(key: string, holders: Map<string, number>, now: number): void {
    for (const [holder, lapsesAt] of holders) if (lapsesAt <= now) holders.delete(holder);
    if (holders.size === 0) this.leases.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    if (this.read(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.dropList(key);
  }

  async leaseSlot(key: string, holder: string, capacity: number, ttlMs: number): Promise<boolean> {
    this.sweep();
    const now = this.now();
    const holders = this.leases.get(key) ?? new Map<string, number>();
    this.dropLapsed(key, holders, now);
    if (!holders.has(holder) && holders.size >= capacity) return false;
    holders.set(holder, now + ttlMs);
    this.leases.set(key, holders);
    return true;
  }

  async releaseSlot(key: string, holder: string): Promise<void> {
    const holders = this.leases.get(key);
    holders?.delete(holder);
    if (holders?.size === 0) this.leases.delete(key);
  }

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    if (this.read(key)?.value !== expected) return false;
    this.values.delete(key);
    return true;
  }

  async compareAndExtend(key: string, expected: string, ttlMs: number): Promise<boolean> {
    const slot = this.read(key);
    if (slot?.value !== expected) return false;
    slot.expiresAt = this.now() + ttlMs;
    return true;
  }

  async acquireFenced(key: string, ttlMs: number): Promise<number | null> {
    // No await between the check and the set: one caller wins, as with the Redis script.
    this.sweep();
    if (this.read(key)) return null;
    const fence = Number(this.read(`${key}:fences`)?.value ?? 0) + 1;
    this.values.set(`${key}:fences`, { value: String(fence), expiresAt: this.now() + FENCES_KEPT_MS });
    this.values.set(key, { value: String(fence), expiresAt: this.now() + ttlMs });
    return fence;
  }

  async setFenced(key: string, value: string, fence: number, ttlMs?: number): Promise<boolean> {
    if (!this.admitFence(key, fence, ttlMs)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async deleteFenced(key: string, fence: number): Promise<boolean> {
    if (!this.admitFence(key, fence, undefined)) return false;
    this.values.delete(key);
    return true;
  }

  /** Records `fence` as the highest seen on `key`, or refuses it when a higher one came first. */
  private admitFence(key: string, fence: number, ttlMs: number | undefined): boolean {
    const fenceKey = `${key}:fence`;
    const seen = this.read(fenceKey);
    if (seen && Number(seen.value) > fence) return false;
    const expiresAt = ttlMs === undefined ? (seen?.expiresAt ?? null) : this.now() + ttlMs;
    this.values.set(fenceKey, { value: String(fence), expiresAt });
    return true;
  }

  async increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    this.sweep();
    const slot = this.read(key);
    const next = (slot ? Number(slot.value) : 0) + by;
    this.values.set(key, {
      value: String(next),
      expiresAt: slot ? slot.expiresAt : ttlMs === undefined ? null : this.now() + ttlMs,
    });
    return next;
  }

  async listAppend(key: string, value: string, ttlMs?: number): Promise<void> {
    this.sweep();
    const list = this.liveList(key) ?? [];
    list.push(value);
    this.lists.set(key, list);
    if (ttlMs !== undefined) this.listExpiry.set(key, this.now() + ttlMs);
  }

  async listRange(key: string, start: number, stopInclusive: number): Promise<string[]> {
    const list = this.liveList(key) ?? [];
    return list.slice(start, stopInclusive < 0 ? list.length + stopInclusive + 1 : stopInclusive + 1);
  }

  async listLength(key: string): Promise<number> {
    return this.liveList(key)?.length ?? 0;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.values.clear();
    this.lists.clear();
    this.listExpiry.clear();
    this.leases.clear();
  }

  private liveList(key: string): string[] | undefined {
    const expiresAt = this.listExpiry.get(key);
    if (expiresAt !== undefined && expiresAt <= this.now()) this.dropList(key);
    return this.lists.get(key);
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
