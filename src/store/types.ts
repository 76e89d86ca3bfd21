/**
 * Shared state behind one small interface (tokens, idempotency records, caches, rate-limit state),
 * so that several gateway instances can share it. Backends: memory (embedded default) and Redis.
 * Keys are namespaced by the caller (`tenant:<id>:…`); values are strings (JSON when structured).
 */
export interface SharedStore {
  get(key: string): Promise<string | null>;
  /** Sets a value; `ttlMs` undefined means no expiry. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a lock or first-writer-wins record). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds `by` and returns the new value; sets `ttlMs` when the key is created. */
  increment(key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Appends to a list (oldest first). */
  listAppend(key: string, value: string): Promise<void>;
  listRange(key: string, start: number, stopInclusive: number): Promise<string[]>;
  listLength(key: string): Promise<number>;
  /** Readiness probe: resolves when the backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
