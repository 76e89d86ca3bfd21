/**
 * How export jobs move. A new job is run by the simulated accounting integration on a timer
 * (`auto`): pending → in_progress after START_AFTER_MS → terminal after FINISH_AFTER_MS, with an
 * outcome decided from its entries (so tests can choose it, see `planOutcome`). As soon as an API
 * client acts on the job (an event, an item update) the client drives it (`client`): only its
 * events move it, and it expires (`job_expired`) when JOB_TTL_SECONDS pass without any action.
 * Transitions are applied lazily, whenever a job is read, from the injected clock.
 */
import { Prng } from '../data/prng';
import { JOB_TTL_SECONDS, isTerminal, type AutoOutcome, type FailureReasonType, type SimJob } from './jobs';

export const START_AFTER_MS = 1_000;
export const FINISH_AFTER_MS = 3_000;
/** Share of auto-run jobs that fail, and of items that fail inside a job that does not. */
export const JOB_FAILURE_RATE = 0.1;
export const ITEM_FAILURE_RATE = 0.15;

export const ITEM_FAILURE_REASONS = [
  'account_unknown',
  'tax_code_unknown',
  'receipt_upload_failure',
  'accounting_system_validation_failure',
] as const;

// Failures an integration reports on its own (expiry and user cancellation come from elsewhere).
const AUTO_FAILURES: readonly { type: FailureReasonType; reason: string }[] = [
  { type: 'accounting_system_unreachable', reason: 'The accounting system did not answer.' },
  {
    type: 'accounting_system_authentication_failure',
    reason: 'The accounting system refused the stored credentials.',
  },
  { type: 'accounting_system_rate_limit', reason: 'The accounting system rate limit was reached.' },
  { type: 'missing_configuration', reason: 'No bookkeeping account is configured for card purchases.' },
  { type: 'accounting_system_timeout', reason: 'The accounting system timed out.' },
];

/** The outcome an auto-run job will have: depends only on the seed and its entries. */
export function planOutcome(seed: number, entryIds: readonly string[]): AutoOutcome {
  const rng = Prng.derive(seed, 'pleo-job-outcome', [...entryIds].sort().join(','));
  const failure = rng.chance(JOB_FAILURE_RATE) ? rng.pick(AUTO_FAILURES) : null;
  const itemFailures = new Map<string, string>();
  for (const id of entryIds) {
    const itemRng = Prng.derive(seed, 'pleo-item-outcome', id);
    if (itemRng.chance(ITEM_FAILURE_RATE)) itemFailures.set(id, itemRng.pick(ITEM_FAILURE_REASONS));
  }
  return { failure, itemFailures };
}

function start(job: SimJob, at: number): void {
  job.status = 'in_progress';
  job.startedAt = at;
  job.lastUpdatedAt = at;
  for (const item of job.items)
    if (item.status === 'pending') Object.assign(item, { status: 'in_progress', updatedAt: at });
}

function fail(job: SimJob, at: number, reason: string | null, type: FailureReasonType | null): void {
  Object.assign(job, {
    status: 'failed',
    failureReason: reason,
    failureReasonType: type,
    completedAt: at,
    lastUpdatedAt: at,
  });
  for (const item of job.items) {
    if (item.status === 'pending' || item.status === 'in_progress')
      Object.assign(item, { status: 'abandoned', updatedAt: at });
  }
}

function complete(job: SimJob, at: number, status: 'completed' | 'completed_with_errors'): void {
  Object.assign(job, { status, completedAt: at, lastUpdatedAt: at });
  for (const item of job.items) {
    if (item.status === 'pending' || item.status === 'in_progress')
      Object.assign(item, { status: 'successful', updatedAt: at });
  }
}

function finishAuto(job: SimJob, at: number): void {
  const { failure, itemFailures } = job.outcome;
  if (failure) {
    // The integration got through the first half before failing; the rest is abandoned.
    job.items
      .slice(0, Math.floor(job.items.length / 2))
      .forEach((item) => Object.assign(item, { status: 'successful', updatedAt: at }));
    return fail(job, at, failure.reason, failure.type);
  }
  for (const item of job.items) {
    const reason = itemFailures.get(item.accountingEntryId);
    if (reason) Object.assign(item, { status: 'failed', failureReason: reason, updatedAt: at });
  }
  complete(job, at, itemFailures.size > 0 ? 'completed_with_errors' : 'completed');
}

/** Applies every transition due by `now`. */
export function advance(job: SimJob, now: number): void {
  if (isTerminal(job.status)) return;
  if (job.mode === 'auto') {
    if (job.status === 'pending' && now >= job.createdAt + START_AFTER_MS)
      start(job, job.createdAt + START_AFTER_MS);
    if (job.status === 'in_progress' && now >= job.createdAt + FINISH_AFTER_MS)
      finishAuto(job, job.createdAt + FINISH_AFTER_MS);
    return;
  }
  const expiresAt = job.lastUpdatedAt + JOB_TTL_SECONDS * 1000;
  if (now >= expiresAt) {
    fail(
      job,
      expiresAt,
      `The export job expired: no action within ${JOB_TTL_SECONDS} seconds.`,
      'job_expired',
    );
    job.expiredAt = expiresAt;
  }
}

export type JobEvent = 'started' | 'failed' | 'completed' | 'completed_with_errors';

/** Applies a client's event; false when the job's current status does not allow it (→ 422). */
export function applyEvent(
  job: SimJob,
  event: JobEvent,
  now: number,
  failure: { reason: string | null; type: FailureReasonType | null },
): boolean {
  advance(job, now);
  const allowed =
    (event === 'started' && job.status === 'pending') ||
    (event === 'failed' && !isTerminal(job.status)) ||
    ((event === 'completed' || event === 'completed_with_errors') && job.status === 'in_progress');
  if (!allowed) return false;
  job.mode = 'client';
  if (event === 'started') start(job, now);
  else if (event === 'failed') fail(job, now, failure.reason, failure.type);
  else complete(job, now, event);
  return true;
}
