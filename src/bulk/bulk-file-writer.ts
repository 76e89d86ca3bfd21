/**
 * Writes a bulk export's rows to its file as they arrive, in constant memory: each row's text is
 * copied at once into a recycled buffer of OUT_CHUNK_BYTES, and a full buffer is written to the sink;
 * the next batch is read only once the sink has drained (write backpressure, so a slow disk or upload
 * slows the upstream read instead of filling memory). Totals are summed in cents.
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
  /**
   * Where the bytes go (a BlobWrite's sink, or a file), ended on success; a write's callback must mean
   * the sink holds its buffer no longer (fs.WriteStream, BlobWrite), as buffers are reused after it.
   */
  sink: Writable;
  format: RowFormat;
  rows: AsyncIterable<BulkRow[]>;
  /** Called now and then with the totals so far (progress in the shared store). */
  onProgress?: (totals: BulkTotals) => void;
  /** Rows between two progress calls (default 50,000). */
  progressEvery?: number;
}

/**
 * Rows are copied into buffers of this size, recycled once the sink has written them: neither a
 * batch's text in the heap nor a fresh buffer per write, whose memory only the GC would give back
 * (bench/notes.md, 1 December evening).
 */
const OUT_CHUNK_BYTES = 64 * 1024;

const safeAdd = (a: Cents, b: Cents): Cents => {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('bulk export totals out of range');
  return sum;
};

/**
 * Text → bytes in OUT_CHUNK_BYTES buffers. A full one goes to `sink.write`; its callback (the sink
 * no longer holds it: BlobWrite's contract) returns it to the free list.
 */
class ByteChunks {
  private readonly free: Buffer[] = [];
  private buffer: Buffer = Buffer.allocUnsafeSlow(OUT_CHUNK_BYTES);
  private used = 0;
  /** The sink asked to wait for `drain`. */
  behind = false;

  constructor(private readonly sink: Writable) {}

  append(text: string): void {
    // A UTF-8 byte is at most 3 per UTF-16 unit: only a text that may not fit needs measuring.
    if (this.used + text.length * 3 > OUT_CHUNK_BYTES) {
      const bytes = Buffer.byteLength(text);
      if (this.used + bytes > OUT_CHUNK_BYTES) {
        this.end();
        if (bytes > OUT_CHUNK_BYTES) {
          if (!this.sink.write(Buffer.from(text))) this.behind = true;
          return;
        }
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Hands over what is buffered; the next text goes into a free (or new) buffer. */
  end(): void {
    if (this.used === 0) return;
    const full = this.buffer;
    if (!this.sink.write(full.subarray(0, this.used), () => this.free.push(full))) this.behind = true;
    this.buffer = this.free.pop() ?? Buffer.allocUnsafeSlow(OUT_CHUNK_BYTES);
    this.used = 0;
  }
}

export async function writeBulkFile(options: WriteBulkFileOptions): Promise<BulkTotals> {
  const { format, onProgress, progressEvery = 50_000 } = options;
  const file = options.sink;
  const failed = once(file, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const totals: BulkTotals = { rowCount: 0, debitTotal: 0, creditTotal: 0 };
  const out = new ByteChunks(file);
  let nextProgress = progressEvery;
  try {
    if (format.header) out.append(format.header);
    for await (const batch of options.rows) {
      for (const row of batch) {
        out.append(format.write(row));
        totals.debitTotal = safeAdd(totals.debitTotal, format.debit(row));
        totals.creditTotal = safeAdd(totals.creditTotal, format.credit(row));
      }
      totals.rowCount += batch.length;
      if (out.behind) {
        // The sink holds its high-water mark already: the upstream body waits until it drains.
        await Promise.race([once(file, 'drain'), failed]);
        out.behind = false;
      }
      if (totals.rowCount >= nextProgress) {
        onProgress?.({ ...totals });
        nextProgress += progressEvery;
      }
    }
    out.end();
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
    return totals;
  } catch (error) {
    // With the error, so the reader (the BlobStore's upload) fails too instead of keeping half a file.
    file.destroy(error as Error);
    throw error;
  }
}
