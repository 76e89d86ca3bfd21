import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBulkFile } from '../../../src/bulk/bulk-file-writer';
import { rowFormat, type BulkRow } from '../../../src/bulk/bulk-row-format';
import { movementRecord } from './movement-record';

const movement = (i: number, debit: number, credit: number) => movementRecord(i, debit, credit);

async function* batches(count: number, size: number, fail = false): AsyncGenerator<BulkRow[]> {
  for (let b = 0; b < count; b++) {
    yield Array.from({ length: size }, (_, i) => movement(b * size + i, (i % 2) * 100, ((i + 1) % 2) * 100));
    if (fail && b === 1) throw new Error('upstream reset');
  }
}

describe('writeBulkFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the header and every row, with totals in cents and progress on the way', async () => {
    const path = join(dir, 'out.csv');
    const progress: number[] = [];
    const totals = await writeBulkFile({
      sink: createWriteStream(path),
      format: rowFormat('MOVEMENTS', 'CSV'),
      rows: batches(30, 1_000),
      onProgress: (t) => progress.push(t.rowCount),
      progressEvery: 10_000,
    });
    expect(totals).toEqual({ rowCount: 30_000, debitTotal: 1_500_000, creditTotal: 1_500_000 });
    expect(progress).toEqual([10_000, 20_000, 30_000]);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines[0]!.startsWith('id,entryId,date')).toBe(true);
    expect(lines.filter(Boolean)).toHaveLength(30_001);
  });

  it('writes byte for byte what the format gives, through buffers recycled across many writes', async () => {
    const path = join(dir, 'out.jsonl');
    const format = rowFormat('MOVEMENTS', 'JSONL');
    await writeBulkFile({ sink: createWriteStream(path), format, rows: batches(20, 500) });
    let expected = '';
    for await (const batch of batches(20, 500)) for (const row of batch) expected += format.write(row);
    expect(expected.length).toBeGreaterThan(20 * 65_536);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('fails with the source, and refuses totals past 2^53 cents', async () => {
    const format = rowFormat('MOVEMENTS', 'JSONL');
    await expect(
      writeBulkFile({ sink: createWriteStream(join(dir, 'a.jsonl')), format, rows: batches(5, 10, true) }),
    ).rejects.toThrow('upstream reset');
    async function* huge(): AsyncGenerator<BulkRow[]> {
      yield [movement(1, Number.MAX_SAFE_INTEGER, 0), movement(2, 1, 0)];
    }
    await expect(
      writeBulkFile({ sink: createWriteStream(join(dir, 'b.jsonl')), format, rows: huge() }),
    ).rejects.toThrow(RangeError);
  });
});
