import type { SharedStore } from './types';

interface Slot {
  value: string;
  expiresAt: number | null;
}

/** In-process store: the embedded default for a single instance. Expired keys are dropped lazily. */
export class MemoryStore implements SharedStore {
  private readonly values = new Map<string, Slot>();
  private readonly lists = new Map<string, string[]>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    return this.read(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.values.set(key, { value, expiresAt: ttlMs === undefined ? null : this.now() + ttlMs });
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
