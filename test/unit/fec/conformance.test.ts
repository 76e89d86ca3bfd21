import { Readable } from 'node:stream';
import { rowFormat } from '../../../src/bulk/bulk-row-format';
import {
  FEC_CHECK_NAMES,
  FecConformanceChecker,
  checkFecStream,
  checkFecText,
} from '../../../src/fec/conformance';
import { FEC_HEADER, FecRecordWriter } from '../../../src/fec/fec-record-writer';
import type { LedgerMovement } from '../../../src/ledger/ledger.model';

const line = (over: Partial<LedgerMovement>): LedgerMovement => ({
  entryId: '1',
  date: '2024-03-05',
  journal: { code: 'AC', label: 'ACHATS', type: null },
  account: { number: '606100', name: 'FOURNITURES' },
  label: 'OVH',
  debit: 0,
  credit: 0,
  currency: 'EUR',
  pieceRef: 'FA1',
  lettering: null,
  movement: null,
  entry: null,
  ...over,
  // Booked on its document's date unless a test says otherwise.
  accountedOn: over.accountedOn ?? over.date ?? '2024-03-05',
});

function fec(lines: LedgerMovement[]): string {
  const writer = new FecRecordWriter();
  return FEC_HEADER + lines.map((l) => writer.write(l)).join('');
}

const purchase = (entryId: string, date: string, journal = 'AC') => [
  line({ entryId, date, journal: { code: journal, label: 'J', type: null }, debit: 10_050 }),
  line({
    entryId,
    date,
    journal: { code: journal, label: 'J', type: null },
    account: { number: '401000', name: 'FOURNISSEURS' },
    credit: 10_050,
    lettering: 'AB',
  }),
];
const exercise = { startDate: '2024-01-01', endDate: '2024-12-31' };
const failed = (report: ReturnType<typeof checkFecText>) =>
  report.checks.filter((c) => !c.passed).map((c) => c.name);

describe('FEC record writer and conformance report', () => {
  it('writes a conforming FEC: per-journal EcritureNum, third-party auxiliary, lettering, comma amounts', () => {
    const text = fec([
      ...purchase('1', '2024-03-05'),
      ...purchase('2', '2024-03-06', 'VT'),
      ...purchase('3', '2024-03-07'),
    ]);
    const records = text.split('\r\n');
    expect(records[1]!.split('\t')).toEqual([
      'AC',
      'J',
      '1',
      '20240305',
      '606100',
      'FOURNITURES',
      '',
      '',
      'FA1',
      '20240305',
      'OVH',
      '100,50',
      '0,00',
      '',
      '',
      '20240305',
      '',
      '',
    ]);
    expect(records[2]!.split('\t').slice(4, 8)).toEqual(['401000', 'FOURNISSEURS', '401000', 'FOURNISSEURS']);
    expect(records[2]!.split('\t')[13]).toBe('AB');
    expect(records.map((r) => r.split('\t')[2])).toEqual([
      'EcritureNum',
      '1',
      '1',
      '1',
      '1',
      '2',
      '2',
      undefined,
    ]);
    const report = checkFecText(text, { fileName: '123456782FEC20241231.txt', exercise });
    expect(report.checks.map((c) => c.name)).toEqual([...FEC_CHECK_NAMES]);
    expect(failed(report)).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('dates a year-end invoice by its booking (EcritureDate, ValidDate) and keeps its own date as PieceDate', () => {
    const booked = { accountedOn: '2024-01-03', date: '2023-12-28' };
    const text = fec([line({ ...booked, debit: 500 }), line({ ...booked, credit: 500 })]);
    const fields = text.split('\r\n')[1]!.split('\t');
    expect([fields[3], fields[9], fields[15]]).toEqual(['20240103', '20231228', '20240103']);
    const report = checkFecText(text, { fileName: '123456782FEC20241231.txt', exercise });
    expect(failed(report)).toEqual([]);
  });

  it('writes a negative amount on the other side, and invents no foreign amount for a USD line', () => {
    const text = fec([
      line({ entryId: '1', debit: -5_000 }),
      line({ entryId: '1', account: { number: '401000', name: 'FOURNISSEURS' }, debit: 5_000 }),
      line({ entryId: '2', debit: 12_345, currency: 'USD' }),
      line({
        entryId: '2',
        account: { number: '401000', name: 'FOURNISSEURS' },
        credit: 12_345,
        currency: 'USD',
      }),
    ]);
    const records = text
      .split('\r\n')
      .slice(1, 4)
      .map((record) => record.split('\t'));
    expect(records.map((fields) => [fields[11], fields[12], fields[16], fields[17]])).toEqual([
      ['0,00', '50,00', '', ''],
      ['50,00', '0,00', '', ''],
      ['123,45', '0,00', '', ''],
    ]);
    const report = checkFecText(text, { fileName: '123456782FEC20241231.txt', exercise });
    expect(failed(report)).toEqual([]);
  });

  it('names each broken rule with counts and examples', () => {
    const lines = [
      line({ entryId: '1', debit: 100 }),
      line({ entryId: '1', credit: 90, account: { number: '9ABC', name: 'X' } }),
      line({ entryId: '2', date: '2025-02-01', debit: 5, currency: 'USD' }),
      line({ entryId: '2', date: '2025-02-01', credit: 5 }),
    ];
    const text = fec(lines).replace('\t1\t20240305', '\t1\t20241305').replace('0,90', '0.90');
    const report = checkFecText(text, { fileName: '123456782FEC20241201.txt', exercise });
    expect(failed(report)).toEqual(
      expect.arrayContaining([
        'dateFormat',
        'datesInExercise',
        'amounts',
        'entriesBalanced',
        'fileName',
        'accountNumbers',
      ]),
    );
    const balanced = report.checks.find((c) => c.name === 'entriesBalanced')!;
    expect(balanced.count).toBe(1);
    expect(balanced.examples[0]).toMatch(/entry AC 1/);
  });

  it('flags a jump in EcritureNum, a missing header column, and an export-day file name', async () => {
    const text = fec([...purchase('1', '2024-03-05'), ...purchase('2', '2024-03-06')]).replace(
      /\nAC\tJ\t2\t/g,
      '\nAC\tJ\t3\t',
    );
    const renamed = text.replace('Montantdevise', 'MontantDevise');
    const report = await checkFecStream(Readable.from([renamed]), {
      fileName: '123456782FEC20241122.txt',
      exercise: null,
    });
    expect(failed(report)).toEqual(['header', 'ecritureNumContinuity', 'fileName']);
  });

  it('flags records that go back in time', () => {
    const text = fec([...purchase('1', '2024-03-06'), ...purchase('2', '2024-03-05')]);
    const report = checkFecText(text, { fileName: '123456782FEC20241231.txt', exercise });
    expect(failed(report)).toEqual(['chronologicalOrder']);
    expect(report.checks.find((c) => c.name === 'chronologicalOrder')?.count).toBe(2);
  });

  it('accepts one sequence across the journals (as Jepilote numbers) and a month-end name when the exercise is unknown', () => {
    const text = fec([...purchase('1', '2024-03-05'), ...purchase('2', '2024-03-06', 'VT')]).replace(
      /\nVT\tJ\t1\t/g,
      '\nVT\tJ\t2\t',
    );
    expect(checkFecText(text, { fileName: '123456782FEC20241231.txt', exercise: null }).valid).toBe(true);
  });

  it('reports on the records as the bulk export writes them exactly what reading the file back reports', async () => {
    const lines = [
      ...purchase('1', '2024-03-05'),
      line({ entryId: '2', date: '2024-02-30', debit: 100, label: 'tab\there, line\r\nbreak' }),
      line({ entryId: '2', credit: 90, account: { number: '9ABC', name: null }, currency: 'USD' }),
      line({ entryId: '3', date: '2025-02-01', accountedOn: '2023-12-31', debit: 5, lettering: 'AB' }),
      line({ entryId: '3', date: '2025-02-01', credit: 5, label: 'lone \ud800 surrogate' }),
      ...purchase('4', '2024-03-01', 'VT'),
      // A date no provider should send, with a line break the writer does not clean.
      line({ entryId: '5', date: '2024-03-07\n', debit: 1 }),
    ];
    for (const exerciseAsked of [exercise, null]) {
      const options = { fileName: '123456782FEC20241130.txt', exercise: exerciseAsked };
      const check = new FecConformanceChecker(options);
      const format = rowFormat('ENTRIES', 'FEC', check);
      const file = format.header + lines.map((l) => format.write(l)).join('');
      const asWritten = check.finish();
      const readBack = await checkFecStream(Readable.from([Buffer.from(file)]), options);
      expect(asWritten).toEqual(readBack);
      expect(failed(asWritten)).toEqual(
        expect.arrayContaining([
          'columnCount',
          'dateFormat',
          'entriesBalanced',
          'fileName',
          'accountNumbers',
          'chronologicalOrder',
        ]),
      );
    }
  });

  it('splits written text into records as a reader of the file does: CRLF, LF, a lone CR, text across calls', async () => {
    const header = FEC_HEADER.slice(0, -2);
    const record = (num: string) =>
      [
        'AC',
        'J',
        num,
        '20240305',
        '606100',
        'F',
        '',
        '',
        'P',
        '20240305',
        'L',
        '1,00',
        '1,00',
        '',
        '',
        '20240305',
        '',
        '',
      ].join('\t');
    const pieces = [
      `${header}\r\n`,
      `${record('1')}\r`,
      `\n${record('2')}\n${record('x')}\r`,
      `${record('4')}`,
    ];
    const options = { fileName: '123456782FEC20241231.txt', exercise };
    const check = new FecConformanceChecker(options);
    for (const piece of pieces) check.pushWritten(piece);
    const readBack = await checkFecStream(Readable.from(pieces.map((p) => Buffer.from(p))), options);
    expect(check.finish()).toEqual(readBack);
    expect(failed(readBack)).toEqual(['ecritureNumContinuity']);
  });
});
