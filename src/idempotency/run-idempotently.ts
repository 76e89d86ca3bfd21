/**
 * Runs a mutation at most once per (tenant, idempotency key), across every instance sharing the store.
 *
 * - A recorded outcome for the same input is returned without calling the provider; another input with
 *   the same key is BAD_USER_INPUT. The outcome is recorded before it is returned.
 * - One attempt at a time: a fenced lease (src/store/fenced-lease.ts) guards the call. Every record
 *   write is fenced by the lease's token, so a holder whose lease lapsed (Redis stall, slow provider)
 *   cannot overwrite its successor's record, and each checkpoint asserts the lease first, so a holder
 *   that lost it stops before its next upstream step. A duplicate arriving meanwhile WAITS, polling,
 *   and returns the outcome once recorded; past `waitMs` it gets IDEMPOTENCY_IN_PROGRESS.
 * - A failed attempt that saved no checkpoint, or that the provider refused, leaves no trace (the key
 *   may be reused). One whose outcome is unknown (timeout, lost answer, instance gone) keeps its
 *   checkpoint: the retry hands it to the connector, which looks for the committed write and may write
 *   again only through `journal.beforeRewrite()`, refused with IDEMPOTENCY_OUTCOME_UNCERTAIN until
 *   `uncertainWindowMs` has passed since the unknown attempt.
 * - The store unreachable before anything was sent: STORE_UNAVAILABLE (retryable), never a masked error,
 *   also when a checkpoint the connector saves mid-request (an upload body's end) cannot be stored.
 */
import {
  BadUserInputError,
  IdempotencyInProgressError,
  IdempotencyOutcomeUncertainError,
  StoreOutageError,
} from '../errors';
import type { MutationJournal } from '../providers/types';
import { LeaseLostError, StoreUnavailableError } from '../store/errors';
import { FencedLease } from '../store/fenced-lease';
import type { SharedStore } from '../store/types';
import {
  idempotencyKeys,
  inputHash,
  parseRecord,
  type IdempotencyKeys,
  type IdempotencyRecord,
} from './idempotency-record';
import { provesNothingCommitted } from './outcome-certainty';

/** A write waits up to http.writeTimeoutMs (60 s) for its answer and may commit then: the window outlasts it. */
export const UNCERTAIN_WINDOW_MS = 90_000;

export interface IdempotencyOptions {
  /** How long a duplicate waits for the running attempt, in ms (default 10,000). */
  waitMs?: number;
  /** Store poll interval while waiting, in ms (default 50). */
  pollMs?: number;
  /** Lock lifetime, renewed every third of it while the attempt runs, in ms (default 30,000). */
  leaseMs?: number;
  /** How long outcomes and checkpoints are kept, in ms (default 24 h). */
  recordTtlMs?: number;
  /**
   * How long after an attempt with an unknown outcome a provider may still commit it, in ms (default
   * UNCERTAIN_WINDOW_MS): until then a retry that finds nothing answers IDEMPOTENCY_OUTCOME_UNCERTAIN.
   */
  uncertainWindowMs?: number;
  now?: () => number;
}

export interface IdempotentCall<T> extends IdempotencyOptions {
  store: SharedStore;
  tenantId: string;
  key: string;
  operation: string;
  /** What must match for a retry to get the recorded outcome (validated input, file digests included). */
  input: unknown;
  run: (journal: MutationJournal) => Promise<T>;
}

const FIELD = 'input.idempotencyKey';
const DAY_MS = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export async function runIdempotently<T>(call: IdempotentCall<T>): Promise<T> {
  try {
    return await runWithStore(call);
  } catch (error) {
    // Only store failures before or between steps get here: nothing further was sent to the provider.
    if (error instanceof StoreUnavailableError) throw new StoreOutageError();
    throw error;
  }
}

async function runWithStore<T>(call: IdempotentCall<T>): Promise<T> {
  const { store, waitMs = 10_000, pollMs = 50, leaseMs = 30_000, now = Date.now } = call;
  const keys = idempotencyKeys(call.tenantId, call.key);
  const hash = inputHash(call.operation, call.input);
  const giveUpAt = now() + waitMs;
  for (;;) {
    const recorded = await readRecord(store, keys, hash);
    if (recorded?.state === 'done') return recorded.outcome as T;
    const lease = await FencedLease.acquire({ store, key: keys.lock, ttlMs: leaseMs, now });
    if (lease) {
      lease.keepRenewing();
      try {
        return await attempt(call, keys, hash, lease);
      } finally {
        await lease.release();
      }
    }
    if (now() >= giveUpAt) throw new IdempotencyInProgressError(seconds(pollMs * 20));
    await sleep(pollMs);
  }
}

/** The record, after checking it binds the key to this input (BAD_USER_INPUT otherwise). */
async function readRecord(
  store: SharedStore,
  keys: IdempotencyKeys,
  hash: string,
): Promise<IdempotencyRecord | null> {
  const record = parseRecord(await store.get(keys.record));
  if (record && record.hash !== hash)
    throw new BadUserInputError('This idempotency key was used with a different input.', FIELD);
  return record;
}

/** Runs the call under the lease: records the input, then the outcome before returning it. */
async function attempt<T>(
  call: IdempotentCall<T>,
  keys: IdempotencyKeys,
  hash: string,
  lease: FencedLease,
): Promise<T> {
  const { store, recordTtlMs = DAY_MS, uncertainWindowMs = UNCERTAIN_WINDOW_MS, now = Date.now } = call;
  // Re-read under the lease: the previous holder may have recorded the outcome since we looked.
  const record = await readRecord(store, keys, hash);
  if (record?.state === 'done') return record.outcome as T;
  const previous = record?.checkpoint;
  const previousAt = record?.at ?? 0;
  const write = async (state: Record<string, unknown>) => {
    lease.assertHeld();
    if (!(await store.setFenced(keys.record, JSON.stringify({ hash, ...state }), lease.fence, recordTtlMs)))
      throw new LeaseLostError();
  };
  const attemptState: AttemptState = { previous, saved: false, checkpoint: previous };
  await write({ state: 'pending', checkpoint: previous, at: previous === undefined ? now() : previousAt });
  const journal: MutationJournal = {
    previous: previous ?? null,
    writeId: keys.writeId,
    async save(checkpoint) {
      try {
        await write({ state: 'pending', checkpoint, at: now() });
      } catch (error) {
        if (error instanceof StoreUnavailableError) attemptState.storeFailure = error;
        throw error;
      }
      Object.assign(attemptState, { saved: true, checkpoint });
    },
    async committed(checkpoint) {
      attemptState.committed = true;
      await write({ state: 'pending', checkpoint, at: now() }).then(
        () => Object.assign(attemptState, { saved: true, checkpoint }),
        () => undefined,
      );
    },
    beforeRewrite() {
      const openFor = previousAt + uncertainWindowMs - now();
      if (previous !== undefined && openFor > 0) throw new IdempotencyOutcomeUncertainError(seconds(openFor));
    },
  };
  let outcome: T;
  try {
    outcome = await call.run(journal);
  } catch (error) {
    // A checkpoint the store could not take stopped the connector, whatever it made of that (an upload
    // body that failed reads as an upstream error): the answer is the store's outage.
    throw await settleFailure(call, keys, hash, lease, attemptState.storeFailure ?? error, attemptState);
  }
  // A successor holding a newer fence keeps its record: it reconciles to this same write.
  await store
    .setFenced(keys.record, JSON.stringify({ state: 'done', hash, outcome }), lease.fence, recordTtlMs)
    .catch(() => undefined);
  return outcome;
}

interface AttemptState {
  /** The earlier attempt's checkpoint, if any. */
  previous: unknown;
  /** True once this attempt saved a checkpoint (it was about to act upstream). */
  saved: boolean;
  checkpoint: unknown;
  /** Set when saving a checkpoint failed because the store was unreachable: nothing further was sent. */
  storeFailure?: StoreUnavailableError;
  /** True once the connector reported its write committed: no later failure frees the key. */
  committed?: boolean;
}

/** What a failed attempt leaves in the store, and the error its caller gets. */
async function settleFailure(
  call: IdempotentCall<unknown>,
  keys: IdempotencyKeys,
  hash: string,
  lease: FencedLease,
  error: unknown,
  { previous, saved, checkpoint, committed }: AttemptState,
): Promise<unknown> {
  const { store, recordTtlMs = DAY_MS, uncertainWindowMs = UNCERTAIN_WINDOW_MS, now = Date.now } = call;
  if (error instanceof IdempotencyOutcomeUncertainError) return error;
  // Committed, then failed (a read-back): the record keeps the checkpoint a retry reads the write back by.
  if (committed) {
    const record = JSON.stringify({ state: 'pending', hash, checkpoint, at: now() });
    await store.setFenced(keys.record, record, lease.fence, recordTtlMs).catch(() => undefined);
    return error;
  }
  const uncertain = new IdempotencyOutcomeUncertainError(seconds(uncertainWindowMs));
  // Nothing sent, or refused by the provider: nothing is known to have committed, the key is free again.
  if ((!saved && previous === undefined) || (saved && provesNothingCommitted(error))) {
    await store.deleteFenced(keys.record, lease.fence).catch(() => undefined);
    // A lease that lapsed before the first step: this attempt sent nothing, another may be running it.
    return error instanceof LeaseLostError ? uncertain : error;
  }
  // Failed while reconciling: the earlier attempt's record stands as it was, its window unchanged.
  if (!saved) return error instanceof LeaseLostError ? uncertain : error;
  // The write may have reached the provider: the retry must reconcile, from now on.
  const record = JSON.stringify({ state: 'pending', hash, checkpoint, at: now() });
  await store.setFenced(keys.record, record, lease.fence, recordTtlMs).catch(() => undefined);
  return uncertain;
}
