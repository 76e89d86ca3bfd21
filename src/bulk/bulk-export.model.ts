/** A bulk export as the gateway records it: what is exported, where it stands, its reconciliation totals. */
import type { Cents } from '../domain/money';
import type { ExerciseRecord, IsoDate, IsoDateTime, ProviderName } from '../domain/model';
import type { FecConformanceReport } from '../fec/conformance';

export type BulkExportKind = 'MOVEMENTS' | 'ENTRIES';
export type BulkExportFormat = 'JSONL' | 'CSV' | 'FEC';
export type BulkExportStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'EXPIRED';

export interface BulkExportRecord {
  tenantId: string;
  provider: ProviderName;
  companyId: string;
  /** The export's own id (random); named providerId so global ids are built like every other node's. */
  providerId: string;
  kind: BulkExportKind;
  format: BulkExportFormat;
  status: BulkExportStatus;
  /** Movements or entries written so far; final once COMPLETED. */
  rowCount: number;
  debitTotal: Cents;
  creditTotal: Cents;
  createdAt: IsoDateTime;
  completedAt: IsoDateTime | null;
  /** The error code (`UPSTREAM_TIMEOUT`, …) when FAILED. */
  errorCode: string | null;
  /** Runs started so far, on any instance (a run whose instance died counts; one handed back does not). */
  attempts: number;
  /** What to export, so that any instance can run (or re-run) it. */
  period: BulkExportRequest['period'];
  /** FEC: what a run (on any instance) needs to name and check the file. */
  fec?: BulkExportRequest['fec'];
  /** FEC: the file's legal name, `<SIREN>FEC<closing date>.txt`. */
  fileName?: string | null;
  /** FEC: the conformance report of the finished file. */
  conformance?: FecConformanceReport | null;
  /** FEC: lines of entries awaiting validation (drafts), left out of the finished file. */
  draftLinesLeftOut?: number | null;
}

/** What to export, in the provider's native ids; the period is already validated. */
export interface BulkExportRequest {
  tenantId: string;
  provider: ProviderName;
  companyId: string;
  kind: BulkExportKind;
  format: BulkExportFormat;
  /** MOVEMENTS: an exercise or a window; ENTRIES: always a window (an exercise is turned into its dates). */
  period: { exerciseId: string } | { from: IsoDate; to: IsoDate };
  /**
   * FEC: the file name, the exercise the dates are checked against (null when unknown), and the native
   * id of the exercise asked for (null for a window): its lines are those booked in it, whatever their
   * documents' dates.
   */
  fec?: {
    fileName: string;
    exercise: Pick<ExerciseRecord, 'startDate' | 'endDate'> | null;
    exerciseId: string | null;
  };
}
