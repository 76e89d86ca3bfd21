/**
 * An independent, strict reading of a FEC for the tests, written from the text of art. A47 A-1 LPF
 * (and the DGFiP's notes) without looking at the product's validator: it returns the problems it
 * finds as plain sentences. Stricter than the law where the product promises more: tab separator,
 * Debit/Credit columns, non-negative amounts with two decimals, one of debit or credit per line,
 * numbering continuous per journal from 1, entries adjacent, dates within the exercise, records in
 * chronological order of validation.
 */
const NAMES =
  'JournalCode JournalLib EcritureNum EcritureDate CompteNum CompteLib CompAuxNum CompAuxLib PieceRef PieceDate EcritureLib Debit Credit EcritureLet DateLet ValidDate Montantdevise Idevise'.split(
    ' ',
  );

function realDay(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false;
  const y = +text.slice(0, 4);
  const m = +text.slice(4, 6);
  const d = +text.slice(6, 8);
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

function amountCents(text: string): number | null {
  const m = /^(\d+),(\d\d)$/.exec(text);
  return m ? +m[1]! * 100 + +m[2]! : null;
}

export interface StrictFecExpectations {
  siren: string;
  /** YYYY-MM-DD */
  exerciseStart: string;
  exerciseEnd: string;
}

export function strictFecProblems(fileName: string, text: string, expect: StrictFecExpectations): string[] {
  const problems: string[] = [];
  const closing = expect.exerciseEnd.replace(/-/g, '');
  const opening = expect.exerciseStart.replace(/-/g, '');
  if (fileName !== `${expect.siren}FEC${closing}.txt`) problems.push(`file name ${fileName}`);
  if (!text.endsWith('\r\n')) problems.push('records must end with CRLF');
  const records = text.split('\r\n').slice(0, -1);
  if (records[0] !== NAMES.join('\t')) problems.push('header is not the 18 names, tab separated');
  const seenEntries = new Set<string>();
  const lastNumber: Record<string, number> = {};
  let current = '';
  let balance = 0;
  let lastValidDate = '';
  const close = () => {
    if (current && balance !== 0) problems.push(`entry ${current} unbalanced by ${balance}`);
  };
  records.slice(1).forEach((record, index) => {
    const n = index + 2;
    const cells = record.split('\t');
    if (cells.length !== 18) return void problems.push(`record ${n}: ${cells.length} cells`);
    const cell = Object.fromEntries(NAMES.map((name, i) => [name, cells[i]!]));
    for (const name of [
      'JournalCode',
      'JournalLib',
      'EcritureNum',
      'EcritureDate',
      'CompteNum',
      'CompteLib',
      'PieceRef',
      'PieceDate',
      'EcritureLib',
      'ValidDate',
    ])
      if (!cell[name]) problems.push(`record ${n}: ${name} empty`);
    for (const name of ['EcritureDate', 'PieceDate', 'ValidDate'])
      if (!realDay(cell[name]!)) problems.push(`record ${n}: ${name} ${cell[name]}`);
    if (cell.EcritureDate! < opening || cell.EcritureDate! > closing)
      problems.push(`record ${n}: date outside exercise`);
    if (!/^[1-8][0-9]{2}/.test(cell.CompteNum!)) problems.push(`record ${n}: CompteNum ${cell.CompteNum}`);
    if (Boolean(cell.CompAuxNum) !== Boolean(cell.CompAuxLib))
      problems.push(`record ${n}: CompAuxNum/CompAuxLib`);
    if (cell.DateLet && (!cell.EcritureLet || !realDay(cell.DateLet) || cell.DateLet < cell.EcritureDate!))
      problems.push(`record ${n}: DateLet`);
    if (
      Boolean(cell.Montantdevise) !== Boolean(cell.Idevise) ||
      (cell.Idevise && !/^[A-Z]{3}$/.test(cell.Idevise))
    )
      problems.push(`record ${n}: currency`);
    // Entries in chronological order of validation (opening entries first).
    if (cell.ValidDate! < lastValidDate)
      problems.push(`record ${n}: ValidDate goes back to ${cell.ValidDate}`);
    lastValidDate = cell.ValidDate!;
    const debit = amountCents(cell.Debit!);
    const credit = amountCents(cell.Credit!);
    if (debit === null || credit === null)
      return void problems.push(`record ${n}: amounts ${cell.Debit} ${cell.Credit}`);
    if (debit !== 0 && credit !== 0) problems.push(`record ${n}: both debit and credit`);
    const key = `${cell.JournalCode}#${cell.EcritureNum}`;
    if (key !== current) {
      close();
      if (seenEntries.has(key)) problems.push(`record ${n}: entry ${key} not adjacent`);
      const expected = (lastNumber[cell.JournalCode!] ?? 0) + 1;
      if (cell.EcritureNum !== String(expected)) problems.push(`record ${n}: ${key}, expected #${expected}`);
      lastNumber[cell.JournalCode!] = +cell.EcritureNum!;
      seenEntries.add(key);
      current = key;
      balance = 0;
    }
    balance += debit - credit;
  });
  close();
  return problems;
}
