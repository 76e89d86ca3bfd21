import { movementCsv, MOVEMENT_CSV_HEADER, entryCsv } from '../../../src/bulk/bulk-rows.csv';
import { movementJson, movementJsonLine } from '../../../src/bulk/bulk-rows.json';
import { csvLine, csvText, csvValue } from '../../../src/bulk/csv';
import { rowFormat } from '../../../src/bulk/bulk-row-format';
import { decodeGlobalId } from '../../../src/domain/ids';
import type { EntryRecord, MovementRecord } from '../../../src/domain/model';

const movement: MovementRecord = {
  provider: 'MYUNISOFT',
  companyId: '2101',
  providerId: '77',
  entryId: '7',
  date: '2026-01-02',
  accountedOn: '2026-01-02',
  journal: { code: 'AC', label: 'ACHATS, "fournisseurs"', type: 'Achat' },
  account: { number: '401000', name: '=HYPERLINK("http://evil")' },
  description: 'line one\nline two',
  invoiceNumber: null,
  dueDate: null,
  debit: 0,
  credit: 123456,
  amount: 123456,
  currency: 'EUR',
  lettering: { state: 'PARTIAL', value: '*AA' },
  analytics: [
    { code: 'AXE 1', name: null, sections: [{ code: 'S1', name: null, amount: 123456, rate: '100' }] },
  ],
  piece: null,
  entryType: 'ENTRY',
};

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvValue('plain')).toBe('plain');
    expect(csvValue('a,b')).toBe('"a,b"');
    expect(csvValue('say "hi"')).toBe('"say ""hi"""');
    expect(csvValue('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvValue(null)).toBe('');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });

  it('defuses provider text a spreadsheet would run as a formula, never amounts', () => {
    expect(csvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvText('+33 1 23')).toBe("'+33 1 23");
    expect(csvText('@cmd')).toBe("'@cmd");
    expect(csvText('-x,y')).toBe(`"'-x,y"`);
    expect(csvValue('-264.44')).toBe('-264.44');
  });
});

describe('bulk rows', () => {
  it('writes a movement as one CSV row matching the header, amounts as Decimal strings', () => {
    const header = MOVEMENT_CSV_HEADER.trimEnd().split(',');
    const row = movementCsv(movement);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toContain(`"ACHATS, ""fournisseurs"""`);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain('"line one\nline two"');
    expect(row).toContain(',0.00,1234.56,1234.56,EUR,PARTIAL,*AA\r\n');
    expect(header).toHaveLength(16);
  });

  it('writes a movement as JSON shaped like the GraphQL type, with global ids', () => {
    const json = JSON.parse(JSON.stringify(movementJson(movement)));
    expect(json).toMatchObject({ debit: '0.00', credit: '1234.56', amount: '1234.56', date: '2026-01-02' });
    expect(json.analytics[0].sections[0]).toEqual({ code: 'S1', name: null, amount: '1234.56', rate: '100' });
    expect(decodeGlobalId(json.id, 'id')).toEqual({
      type: 'Movement',
      provider: 'MYUNISOFT',
      companyId: '2101',
      nativeId: '77',
    });
    expect(decodeGlobalId(json.entryId, 'entryId').type).toBe('Entry');
  });

  it('writes the JSONL line straight from the record, the same JSON as movementJson', () => {
    const bare: MovementRecord = {
      ...movement,
      entryId: null,
      account: null,
      lettering: null,
      analytics: [],
      currency: null,
      description: 'tab\t "quoted" \u2028 é',
      dueDate: '2026-02-01',
      debit: -5,
      amount: 5,
    };
    const escapes = ['"', '\\', '\u0000', '\u001f', '\u007f', '\ud83d\ude00', '\ud800', '\udfff x', 'é'];
    const escaped = escapes.map((text) => ({ ...bare, description: `a${text}b`, invoiceNumber: text }));
    for (const m of [movement, bare, ...escaped]) {
      const line = movementJsonLine(m);
      expect(line).toBe(`${JSON.stringify(movementJson(m))}\n`);
    }
  });

  it('writes an entry as one CSV row per line and sums its lines', () => {
    const entry: EntryRecord = {
      provider: 'INQOM',
      companyId: '11287',
      providerId: '5',
      type: 'ENTRY',
      journal: { code: 'BQ', label: 'Banque', type: null },
      date: '2026-03-01',
      lines: [
        {
          account: { number: '512', name: null },
          label: 'x',
          debit: 0,
          credit: 1050,
          currency: 'EUR',
          piece: null,
          invoiceNumber: null,
          dueDate: null,
        },
        {
          account: { number: '627', name: null },
          label: 'y',
          debit: 1050,
          credit: 0,
          currency: 'EUR',
          piece: null,
          invoiceNumber: null,
          dueDate: null,
        },
      ],
      documentIds: [],
    };
    expect(entryCsv(entry).split('\r\n').filter(Boolean)).toHaveLength(2);
    const format = rowFormat('ENTRIES', 'JSONL');
    expect([format.debit(entry), format.credit(entry)]).toEqual([1050, 1050]);
    expect(format.write(entry).endsWith('\n')).toBe(true);
    expect(JSON.parse(format.write(entry)).lines[0].credit).toBe('10.50');
  });
});
