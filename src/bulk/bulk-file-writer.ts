/**
 * Writes a bulk export's rows to its file as they arrive, in constant memory: one string per batch,
 * and the next batch is read only once the file has taken the previous one (write backpressure, so
 * a slow disk slows the upstream read instead of filling memory). Totals are summed in cents.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Cents } from '../domain/money';
import type { BulkRow, RowFormat } from './bulk-row-format';

export interface BulkTotals {
  rowCount: number;
  debitTotal: Cents;
  creditTotal: Cents;
}

export interface WriteBulkFileOptions {
  /** Where the bytes go (a file, or the stream into the BlobStore); ended on success. */
  sink: Writable;
  format: RowFormat;
  rows: AsyncIterable<BulkRow[]>;
  /** Called now and then with the totals so far (progress in the shared store). */
  onProgress?: (totals: BulkTotals) => void;
  /** Rows between two progress calls (default 50,000). */
  progressEvery?: number;
}

const safeAdd = (a: Cents, b: Cents): Cents => {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('bulk export totals out of range');
  return sum;
};

export async function writeBulkFile(options: WriteBulkFileOptions): Promise<BulkTotals> {
  const { format, onProgress, progressEvery = 50_000 } = options;
  const file = options.sink;
  const failed = once(file, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const totals: BulkTotals = { rowCount: 0, debitTotal: 0, creditTotal: 0 };
  let nextProgress = progressEvery;
  try {
    if (format.header) file.write(format.header);
    for await (const batch of options.rows) {
      let text = '';
      for (const row of batch) {
        text += format.write(row);
        totals.debitTotal = safeAdd(totals.debitTotal, format.debit(row));
        totals.creditTotal = safeAdd(totals.creditTotal, format.credit(row));
      }
      totals.rowCount += batch.length;
      if (!file.write(text)) await Promise.race([once(file, 'drain'), failed]);
      if (totals.rowCount >= nextProgress) {
        onProgress?.({ ...totals });
        nextProgress += progressEvery;
      }
    }
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
    return totals;
  } catch (error) {
    // With the error, so the reader (the BlobStore's upload) fails too instead of keeping half a file.
    file.destroy(error as Error);
    throw error;
  }
}
