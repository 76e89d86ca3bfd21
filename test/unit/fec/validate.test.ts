import { validateFec } from '../../../src/fec/validate';
import { writeFec, fecFileName } from '../../../src/fec/writer';
import { FEC_COLUMNS, fecAmount } from '../../../src/fec/columns';

const entry = (journalCode: string, date: string, amounts: [number, number][]) => ({
  journalCode,
  journalLabel: 'JOURNAL',
  date,
  pieceRef: 'FA1',
  pieceDate: date,
  validationDate: date,
  lines: amounts.map(([debit, credit], i) => ({
    accountNumber: i ? '401000' : '606100',
    accountName: 'X',
    label: 'L',
    debit,
    credit,
  })),
});

const good = writeFec([
  entry('AC', '2026-01-02', [
    [12000, 0],
    [0, 12000],
  ]),
  entry('VT', '2026-01-03', [
    [5, 0],
    [0, 5],
  ]),
]);

describe('FEC writer and validator', () => {
  it('writes the 18 columns in exact case and a file the validator accepts', () => {
    expect(good.split('\r\n')[0]).toBe(FEC_COLUMNS.join('\t'));
    expect(good).toContain('\t120,00\t0,00\t');
    expect(validateFec(good)).toEqual({
      valid: true,
      errors: [],
      lineCount: 4,
      entryCount: 2,
      debitTotal: 12005,
      creditTotal: 12005,
    });
    expect(fecFileName('123456789', '2024-12-31')).toBe('123456789FEC20241231.txt');
    expect(fecAmount(-123456)).toBe('-1234,56');
  });

  it('accepts the pipe separator and the Montant/Sens variant', () => {
    const header = [...FEC_COLUMNS.slice(0, 11), 'Montant', 'Sens', ...FEC_COLUMNS.slice(13)].join('|');
    const row = (amount: string, sens: string) =>
      [
        'AC',
        'J',
        '1',
        '20260102',
        '606100',
        'X',
        '',
        '',
        'P',
        '20260102',
        'L',
        amount,
        sens,
        '',
        '',
        '20260102',
        '',
        '',
      ].join('|');
    expect(validateFec([header, row('10,00', 'D'), row('10,00', 'C')].join('\n')).valid).toBe(true);
  });

  it.each([
    [
      'wrong column case',
      good.replace('Montantdevise', 'MontantDevise'),
      /column 17 must be "Montantdevise"/,
    ],
    ['a dot decimal separator', good.replace('120,00', '120.00'), /comma decimal separator/],
    ['an impossible date', good.replace('20260102', '20260230'), /EcritureDate "20260230"/],
    [
      'an unbalanced entry',
      good.replace('\t0,00\t120,00', '\t0,00\t119,99'),
      /not balanced \(difference 1 cents\)/,
    ],
    [
      'a gap in EcritureNum',
      good
        .replaceAll('\tVT\tJOURNAL\t2\t', '\tVT\tJOURNAL\t3\t')
        .replace(/^VT\tJOURNAL\t2/gm, 'VT\tJOURNAL\t3'),
      /EcritureNum jumps from 1 to 3/,
    ],
    [
      'an account not starting with three digits',
      good.replace('606100', 'AB6100'),
      /must start with three digits/,
    ],
    ['a short record', `${good}AC\t1\r\n`, /fields, expected at least 18/],
  ])('reports %s', (_name, text, message) => {
    const report = validateFec(text);
    expect(report.valid).toBe(false);
    expect(report.errors.join('\n')).toMatch(message);
  });
});
