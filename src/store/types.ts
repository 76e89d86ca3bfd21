/**
 * Shared state behind one small interface (tokens, idempotency records, caches, rate-limit state),
 * so that several gateway instances can share it. Backends: memory (embedded default) and Redis.
 * Keys are namespaced by the caller (`tenant:<id>:…`); values are strings (JSON when structured).
 */
/** How long a lock's fence counter outlives its last use (every record it fenced expires sooner). */
export const FENCES_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export interface SharedStore {
  get(key: string): Promise<string | null>;
  /** Sets a value; `ttlMs` undefined means no expiry. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a lock or first-writer-wins record). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Deletes `key` only while it holds `expected` (a lock released by its holder only); true when deleted. */
  compareAndDelete(key: string, expected: string): Promise<boolean>;
  /** Resets `key`'s expiry to `ttlMs` only while it holds `expected` (a lease renewed by its holder only). */
  compareAndExtend(key: string, expected: string, ttlMs: number): Promise<boolean>;
  /**
   * Takes the lock `key` for `ttlMs` when free, with a fencing token: a number higher than every token
   * handed out for `key` before (a counter at `<key>:fences`, kept a week after its last use). The
   * lock holds the token as its value; null when another holder has it.
   */
  acquireFenced(key: string, ttlMs: number): Promise<number | null>;
  /**
   * Fenced write: sets `key` unless a fenced write or delete with a higher `fence` already reached it,
   * so a holder whose lease lapsed cannot overwrite its successor's record. The highest fence seen is
   * kept beside the value (at `<key>:fence`, with the value's TTL); false when refused.
   */
  setFenced(key: string, value: string, fence: number, ttlMs?: number): Promise<boolean>;
  /** Fenced delete: deletes `key` unless a higher fence reached it (the fence itself is kept). */
  deleteFenced(key: string, fence: number): Promise<boolean>;
  /**
   * Takes (or renews) `holder`'s lease on one of `capacity` slots of `key` for `ttlMs`: a count of calls
   * in flight shared by instances, where a holder that stops renewing frees its slot when its lease
   * lapses. False when `capacity` other holders have a lease that has not lapsed.
   */
  leaseSlot(key: string, holder: string, capacity: number, ttlMs: number): Promise<boolean>;
  /** Gives back `holder`'s slot of `key` (nothing when it has none). */
  releaseSlot(key: string, holder: string): Promise<void>;
  /** Atomically adds `by` and returns the new value; sets `ttlMs` when the key is created. */
  increment(key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Appends to a list (oldest first); `ttlMs` (re)sets the list's expiry. */
  listAppend(key: string, value: string, ttlMs?: number): Promise<void>;
  listRange(key: string, start: number, stopInclusive: number): Promise<string[]>;
  listLength(key: string): Promise<number>;
  /** Readiness probe: resolves when the backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
