/** How one kind of record is written in one format, and what it adds to the reconciliation totals. */
import type { EntryRecord, MovementRecord } from '../domain/model';
import type { Cents } from '../domain/money';
import type { BulkExportFormat, BulkExportKind } from './bulk-export.model';
import { ENTRY_CSV_HEADER, MOVEMENT_CSV_HEADER, entryCsv, movementCsv } from './bulk-rows.csv';
import { entryJson, movementJsonLine } from './bulk-rows.json';
import type { FecConformanceChecker } from '../fec/conformance';
import { FEC_HEADER, FecRecordWriter } from '../fec/fec-record-writer';
import type { LedgerMovement } from '../ledger/ledger.model';

export type BulkRow = MovementRecord | EntryRecord | LedgerMovement;

export interface RowFormat {
  /** Written once before the rows (CSV header), or empty. */
  header: string;
  /** The row's text, line ending included. */
  write(row: BulkRow): string;
  debit(row: BulkRow): Cents;
  credit(row: BulkRow): Cents;
  /** File extension and media type of the download. */
  extension: 'jsonl' | 'csv' | 'txt';
  contentType: string;
}

const jsonLine = (value: object) => `${JSON.stringify(value)}\n`;
const lineSum = (row: BulkRow, side: 'debit' | 'credit') =>
  (row as EntryRecord).lines.reduce((sum, line) => sum + line[side], 0);

/**
 * FEC: one record per ledger line; the writer numbers entries, so each export gets its own. `check`
 * reads every record as it is written (header first): its report is the file's, without reading it back.
 */
function fecFormat(check?: FecConformanceChecker): RowFormat {
  const writer = new FecRecordWriter();
  check?.pushWritten(FEC_HEADER);
  return {
    extension: 'txt',
    contentType: 'text/plain; charset=utf-8',
    header: FEC_HEADER,
    write: check
      ? (row) => {
          const record = writer.write(row as LedgerMovement);
          check.pushWritten(record);
          return record;
        }
      : (row) => writer.write(row as LedgerMovement),
    debit: (row) => (row as LedgerMovement).debit,
    credit: (row) => (row as LedgerMovement).credit,
  };
}

/** `fecCheck`: a FEC's conformance checker, fed the header and each record written (FEC only). */
export function rowFormat(
  kind: BulkExportKind,
  format: BulkExportFormat,
  fecCheck?: FecConformanceChecker,
): RowFormat {
  if (format === 'FEC') return fecFormat(fecCheck);
  const media =
    format === 'CSV'
      ? { extension: 'csv' as const, contentType: 'text/csv; charset=utf-8' }
      : { extension: 'jsonl' as const, contentType: 'application/x-ndjson; charset=utf-8' };
  if (kind === 'MOVEMENTS') {
    return {
      ...media,
      header: format === 'CSV' ? MOVEMENT_CSV_HEADER : '',
      write: (row) =>
        format === 'CSV' ? movementCsv(row as MovementRecord) : movementJsonLine(row as MovementRecord),
      debit: (row) => (row as MovementRecord).debit,
      credit: (row) => (row as MovementRecord).credit,
    };
  }
  return {
    ...media,
    header: format === 'CSV' ? ENTRY_CSV_HEADER : '',
    write: (row) =>
      format === 'CSV' ? entryCsv(row as EntryRecord) : jsonLine(entryJson(row as EntryRecord)),
    debit: (row) => lineSum(row, 'debit'),
    credit: (row) => lineSum(row, 'credit'),
  };
}
