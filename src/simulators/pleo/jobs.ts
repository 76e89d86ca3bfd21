/** Export jobs and their items as the simulator holds them, and their JSON (the seed's ExportJob). */
import type { DemoOwner } from '../credentials';
import { Prng } from '../data/prng';

export const JOB_STATUSES = [
  'pending',
  'in_progress',
  'failed',
  'completed',
  'completed_with_errors',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ITEM_STATUSES = ['pending', 'in_progress', 'successful', 'failed', 'abandoned'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The seed's 15 `failureReasonType` values. */
export const FAILURE_REASON_TYPES = [
  'invalid_configuration',
  'missing_configuration',
  'authentication_failure',
  'accounting_system_authentication_failure',
  'pleo_rate_limit',
  'accounting_system_rate_limit',
  'service_unreachable',
  'accounting_system_unreachable',
  'validation_failure',
  'authorization_failure',
  'integration_unusable',
  'job_expired',
  'service_timeout',
  'accounting_system_timeout',
  'canceled_by_user',
] as const;
export type FailureReasonType = (typeof FAILURE_REASON_TYPES)[number];

export interface SimItem {
  accountingEntryId: string;
  status: ItemStatus;
  failureReason: string | null;
  externalId: string | null;
  externalUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

/** How the simulated integration will end a job it processes on its own (decided at creation). */
export interface AutoOutcome {
  failure: { type: FailureReasonType; reason: string } | null;
  /** accountingEntryId → item failure reason (e.g. `account_unknown`). */
  itemFailures: Map<string, string>;
}

export interface SimJob {
  id: string;
  /** Creation order: the sort key of listings (newest first). */
  seq: number;
  owner: DemoOwner;
  companyId: string;
  createdBy: string | null;
  isInteractive: boolean;
  vendorBasedBookkeeping: boolean;
  status: JobStatus;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  expiredAt: number | null;
  lastUpdatedAt: number;
  failureReason: string | null;
  failureReasonType: FailureReasonType | null;
  items: SimItem[];
  /** `auto`: the simulated integration runs the job on a timer; `client`: an API client drives it with events. */
  mode: 'auto' | 'client';
  outcome: AutoOutcome;
}

/** Seconds without action after which a client-driven job expires (`expiresIn`). */
export const JOB_TTL_SECONDS = 900;

export const isTerminal = (status: JobStatus) => status !== 'pending' && status !== 'in_progress';

// Pleo's documented pattern is `YYYY-MM-DDTHH:mi:ssZ`: whole seconds, no milliseconds.
export const pleoInstant = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class JobStore {
  private readonly jobs = new Map<string, SimJob>();
  private seq = 0;

  constructor(private readonly seed: number) {}

  /** Deterministic ids: the n-th job of a simulator run always gets the same UUID. */
  nextId(): { id: string; seq: number } {
    this.seq += 1;
    return { id: Prng.derive(this.seed, 'pleo-job', this.seq).uuid(), seq: this.seq };
  }

  add(job: SimJob): void {
    this.jobs.set(job.id, job);
  }

  get(id: string): SimJob | undefined {
    return this.jobs.get(id.toLowerCase());
  }

  /** A company's jobs, newest first. */
  ofCompany(companyId: string): SimJob[] {
    return [...this.jobs.values()].filter((job) => job.companyId === companyId).sort((a, b) => b.seq - a.seq);
  }
}

export const jobKey = (job: SimJob) => String(job.seq).padStart(10, '0');

export function exportJobJson(job: SimJob) {
  return {
    companyId: job.companyId,
    completedAt: pleoInstant(job.completedAt),
    createdAt: pleoInstant(job.createdAt),
    createdBy: job.createdBy,
    expiredAt: pleoInstant(job.expiredAt),
    expiresIn: JOB_TTL_SECONDS,
    failureReason: job.failureReason,
    failureReasonType: job.failureReasonType,
    id: job.id,
    isInteractive: job.isInteractive,
    lastUpdatedAt: pleoInstant(job.lastUpdatedAt),
    numberOfItems: job.items.length,
    startedAt: pleoInstant(job.startedAt),
    status: job.status,
    vendorBasedBookkeeping: job.vendorBasedBookkeeping,
  };
}

/** An export job item. Pleo does not document its layout; these fields are the simulator's choice. */
export function exportJobItemJson(job: SimJob, item: SimItem) {
  return {
    accountingEntryId: item.accountingEntryId,
    exportJobId: job.id,
    status: item.status,
    failureReason: item.failureReason,
    externalId: item.externalId,
    externalUrl: item.externalUrl,
    createdAt: pleoInstant(item.createdAt),
    updatedAt: pleoInstant(item.updatedAt),
  };
}
