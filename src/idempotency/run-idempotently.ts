/**
 * Runs a mutation at most once per (tenant, idempotency key), across every instance sharing the store.
 *
 * - A recorded outcome for the same input is returned without calling the provider; another input with
 *   the same key is BAD_USER_INPUT. The outcome is recorded before it is returned.
 * - One attempt at a time: a lock (setIfAbsent, renewed while the attempt runs, expiring if its
 *   instance dies) guards the call. A duplicate arriving meanwhile WAITS, polling the store, and returns
 *   the outcome once recorded; past `waitMs` it gets IDEMPOTENCY_IN_PROGRESS (retryable). Waiting was
 *   chosen over failing at once because the common duplicate is a client retrying a slow call.
 * - A failed attempt leaves no trace (the key may be reused) unless its connector saved a checkpoint
 *   through the journal: then the record stays, bound to the input, and the retry resumes from it.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError, IdempotencyInProgressError } from '../errors';
import type { MutationJournal } from '../providers/types';
import type { SharedStore } from '../store/types';
import { idempotencyKeys, inputHash, parseRecord, type IdempotencyKeys } from './idempotency-record';

export interface IdempotencyOptions {
  /** How long a duplicate waits for the running attempt, in ms (default 10,000). */
  waitMs?: number;
  /** Store poll interval while waiting, in ms (default 50). */
  pollMs?: number;
  /** Lock lifetime, renewed every third of it while the attempt runs, in ms (default 30,000). */
  leaseMs?: number;
  /** How long outcomes and checkpoints are kept, in ms (default 24 h). */
  recordTtlMs?: number;
}

export interface IdempotentCall<T> extends IdempotencyOptions {
  store: SharedStore;
  tenantId: string;
  key: string;
  operation: string;
  /** What must match for a retry to get the recorded outcome (validated input, no file bytes). */
  input: unknown;
  run: (journal: MutationJournal) => Promise<T>;
}

const FIELD = 'input.idempotencyKey';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runIdempotently<T>(call: IdempotentCall<T>): Promise<T> {
  const { store, waitMs = 10_000, pollMs = 50, leaseMs = 30_000 } = call;
  const keys = idempotencyKeys(call.tenantId, call.key);
  const hash = inputHash(call.operation, call.input);
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const recorded = await recordedOutcome<T>(store, keys, hash);
    if (recorded) return recorded.outcome;
    const owner = randomUUID();
    if (await store.setIfAbsent(keys.lock, owner, leaseMs)) {
      const stopRenewing = renewLease(store, keys.lock, owner, leaseMs);
      try {
        return await attempt(call, keys, hash);
      } finally {
        stopRenewing();
        // Not atomic: only an attempt that outlived its lease could delete a successor's lock.
        if ((await store.get(keys.lock)) === owner) await store.delete(keys.lock);
      }
    }
    if (Date.now() >= giveUpAt) throw new IdempotencyInProgressError(1);
    await sleep(pollMs);
  }
}

/** The recorded outcome for this input, null when there is none yet; BAD_USER_INPUT for another input. */
async function recordedOutcome<T>(
  store: SharedStore,
  keys: IdempotencyKeys,
  hash: string,
): Promise<{ outcome: T } | null> {
  const record = parseRecord(await store.get(keys.record));
  if (record && record.hash !== hash)
    throw new BadUserInputError('This idempotency key was used with a different input.', FIELD);
  return record?.state === 'done' ? { outcome: record.outcome as T } : null;
}

/** Runs the call under the lock: records the input, then the outcome before returning it. */
async function attempt<T>(call: IdempotentCall<T>, keys: IdempotencyKeys, hash: string): Promise<T> {
  const { store, recordTtlMs = 24 * 60 * 60 * 1000 } = call;
  // Re-read under the lock: the previous holder may have recorded the outcome since we looked.
  const record = parseRecord(await store.get(keys.record));
  if (record && record.hash !== hash)
    throw new BadUserInputError('This idempotency key was used with a different input.', FIELD);
  if (record?.state === 'done') return record.outcome as T;
  const previous = record?.checkpoint;
  let checkpointed = previous !== undefined;
  const write = (checkpoint: unknown) =>
    store.set(keys.record, JSON.stringify({ state: 'pending', hash, checkpoint }), recordTtlMs);
  await write(previous);
  const journal: MutationJournal = {
    previous: previous ?? null,
    async save(checkpoint) {
      await write(checkpoint);
      checkpointed = true;
    },
  };
  let outcome: T;
  try {
    outcome = await call.run(journal);
  } catch (error) {
    // Nothing was checkpointed: nothing is known to have committed, the key is free again.
    if (!checkpointed) await store.delete(keys.record).catch(() => undefined);
    throw error;
  }
  await store.set(keys.record, JSON.stringify({ state: 'done', hash, outcome }), recordTtlMs);
  return outcome;
}

/** Keeps the lock while a long call runs; returns the function that stops renewing. */
function renewLease(store: SharedStore, lock: string, owner: string, leaseMs: number): () => void {
  const renew = async () => {
    if ((await store.get(lock)) === owner) await store.set(lock, owner, leaseMs);
  };
  const timer = setInterval(() => void renew().catch(() => undefined), leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}
