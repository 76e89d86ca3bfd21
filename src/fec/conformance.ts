/**
 * The product's FEC conformance report (art. A47 A-1 LPF, as summarised in providers.md): each rule
 * is a named check with the number of offending records and a few examples. Records are fed one at
 * a time, so a 500,000-line file is checked in constant memory (state per journal and per entry).
 */
import { createInterface } from 'node:readline';
import { FEC_COLUMNS } from './columns';

export interface FecCheckResult {
  name: string;
  passed: boolean;
  /** Offending records (or 1 for a file-level failure); 0 when passed. */
  count: number;
  /** Up to five offending records, e.g. `line 12: EcritureDate "20241301"`. */
  examples: string[];
}

export interface FecConformanceReport {
  valid: boolean;
  checks: FecCheckResult[];
}

export interface FecCheckOptions {
  /** The file's name, checked for `<SIREN>FEC<closing date>` (null: the name check fails). */
  fileName: string | null;
  /** The exercise the file covers, when known (ISO dates). */
  exercise: { startDate: string; endDate: string } | null;
}

export const FEC_CHECK_NAMES = [
  'header',
  'columnCount',
  'requiredFields',
  'dateFormat',
  'datesInExercise',
  'amounts',
  'entriesBalanced',
  'ecritureNumContinuity',
  'fileName',
  'accountNumbers',
  'letteringDates',
  'currency',
  'chronologicalOrder',
] as const;
type CheckName = (typeof FEC_CHECK_NAMES)[number];

const MAX_EXAMPLES = 5;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const AMOUNT = /^\d+,\d{2}$/;
const ACCOUNT = /^[1-8]\d{2}[0-9A-Za-z]*$/;
const FILE_NAME = /^(\d{9})FEC(\d{8})(\.txt)?$/i;
const REQUIRED = [0, 1, 2, 3, 4, 5, 8, 9, 10, 15];

export function isFecDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

const isMonthEnd = (yyyymmdd: string) => {
  const next = new Date(
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6)) + 1),
  );
  return next.getUTCDate() === 1;
};

const cents = (amount: string) => {
  const [whole = '0', fraction = '00'] = amount.split(',');
  return Number(whole) * 100 + Number(fraction);
};

export class FecConformanceChecker {
  private readonly results = new Map<CheckName, { count: number; examples: string[] }>(
    FEC_CHECK_NAMES.map((name) => [name, { count: 0, examples: [] }]),
  );
  private lineNumber = 0;
  private separator = '\t';
  private columns = 0;
  private readonly compact: { start: string; end: string } | null;
  private maxDate = '';
  private lastValidDate = '';
  private entry: { key: string; line: number; balance: number } | null = null;
  private readonly journalNumbers = new Map<string, number>();
  private globalNumber = 0;
  private globalJumps = 0;
  private journalJumps: { count: number; examples: string[] } = { count: 0, examples: [] };

  constructor(private readonly options: FecCheckOptions) {
    const ex = options.exercise;
    this.compact = ex
      ? { start: ex.startDate.replaceAll('-', ''), end: ex.endDate.replaceAll('-', '') }
      : null;
  }

  private fail(name: CheckName, example: string, into = this.results.get(name)!): void {
    into.count++;
    if (into.examples.length < MAX_EXAMPLES) into.examples.push(example);
  }

  /** One record of the file, without its line ending; the first is the header. */
  push(record: string): void {
    this.lineNumber++;
    const at = `line ${this.lineNumber}`;
    if (this.lineNumber === 1) return this.header(record.replace(/^\uFEFF/, ''));
    if (record === '') return;
    const f = record.split(this.separator);
    if (f.length !== this.columns)
      return this.fail('columnCount', `${at}: ${f.length} fields, the header has ${this.columns}`);
    const get = (i: number) => f[i] ?? '';
    const missing = REQUIRED.filter((i) => get(i) === '').map((i) => FEC_COLUMNS[i]);
    if (missing.length) this.fail('requiredFields', `${at}: ${missing.join(', ')} empty`);
    const date = get(3);
    for (const i of [3, 9, 15, 14]) {
      const value = get(i);
      if ((value !== '' || i !== 14) && !isFecDate(value))
        this.fail('dateFormat', `${at}: ${FEC_COLUMNS[i]} "${value}" is not YYYYMMDD`);
    }
    if (isFecDate(date)) {
      if (date > this.maxDate) this.maxDate = date;
      if (this.compact && (date < this.compact.start || date > this.compact.end))
        this.fail(
          'datesInExercise',
          `${at}: EcritureDate ${date} outside ${this.compact.start}–${this.compact.end}`,
        );
    }
    const [debit, credit, foreignAmount] = [get(11), get(12), get(16)];
    const badAmount =
      [debit, credit].some((a) => !AMOUNT.test(a)) ||
      (foreignAmount !== '' && !/^-?\d+,\d{1,2}$/.test(foreignAmount));
    if (badAmount)
      this.fail('amounts', `${at}: Debit "${debit}" Credit "${credit}" Montantdevise "${foreignAmount}"`);
    if (!ACCOUNT.test(get(4)))
      this.fail('accountNumbers', `${at}: CompteNum "${get(4)}" is not a PCG account number`);
    else if (get(6) !== '' && get(7) === '')
      this.fail('accountNumbers', `${at}: CompAuxNum without CompAuxLib`);
    const [lettering, letteringDate] = [get(13), get(14)];
    if (letteringDate !== '' && (lettering === '' || (isFecDate(letteringDate) && letteringDate < date)))
      this.fail(
        'letteringDates',
        `${at}: DateLet ${letteringDate} with EcritureLet "${lettering}" and EcritureDate ${date}`,
      );
    const validDate = get(15);
    if (isFecDate(validDate) && validDate < this.lastValidDate)
      this.fail('chronologicalOrder', `${at}: ValidDate ${validDate} after ${this.lastValidDate}`);
    if (isFecDate(validDate) && validDate > this.lastValidDate) this.lastValidDate = validDate;
    const currency = get(17);
    if ((currency === '') !== (foreignAmount === '') || (currency !== '' && !/^[A-Z]{3}$/.test(currency)))
      this.fail('currency', `${at}: Idevise "${currency}" with Montantdevise "${foreignAmount}"`);
    this.entryLine(
      get(0),
      get(2),
      AMOUNT.test(debit) && AMOUNT.test(credit) ? cents(debit) - cents(credit) : 0,
      at,
    );
  }

  private header(record: string): void {
    this.separator = record.includes('\t') ? '\t' : '|';
    const names = record.split(this.separator);
    this.columns = names.length;
    const wrong = FEC_COLUMNS.map((name, i) =>
      names[i] === name ? null : `column ${i + 1} is "${names[i] ?? ''}", expected "${name}"`,
    ).filter((problem): problem is string => problem !== null);
    if (wrong.length) this.fail('header', `line 1: ${wrong.slice(0, 3).join('; ')}`);
  }

  private entryLine(journal: string, num: string, signed: number, at: string): void {
    const key = `${journal}\u0000${num}`;
    if (this.entry?.key === key) {
      this.entry.balance += signed;
      return;
    }
    this.closeEntry();
    this.entry = { key, line: this.lineNumber, balance: signed };
    const n = Number(num);
    const expected = (this.journalNumbers.get(journal) ?? 0) + 1;
    if (!/^\d+$/.test(num) || n !== expected)
      this.fail(
        'ecritureNumContinuity',
        `${at}: journal ${journal} EcritureNum ${num} after ${expected - 1}`,
        this.journalJumps,
      );
    if (n !== this.globalNumber + 1) this.globalJumps++;
    this.journalNumbers.set(journal, Number.isSafeInteger(n) ? n : expected);
    this.globalNumber = Number.isSafeInteger(n) ? n : this.globalNumber + 1;
  }

  private closeEntry(): void {
    if (this.entry && this.entry.balance !== 0) {
      const [journal, num] = this.entry.key.split('\u0000');
      this.fail(
        'entriesBalanced',
        `line ${this.entry.line}: entry ${journal} ${num} is off by ${this.entry.balance} cents`,
      );
    }
  }

  finish(): FecConformanceReport {
    this.closeEntry();
    this.entry = null;
    if (this.lineNumber === 0) this.fail('header', 'the file is empty');
    // One sequence for the whole file, or one per journal: both are continuous numbering.
    if (this.journalJumps.count > 0 && this.globalJumps > 0) {
      const into = this.results.get('ecritureNumContinuity')!;
      into.count += this.journalJumps.count;
      into.examples.push(...this.journalJumps.examples);
    }
    this.checkFileName();
    const checks = FEC_CHECK_NAMES.map((name) => {
      const { count, examples } = this.results.get(name)!;
      return { name, passed: count === 0, count, examples };
    });
    return { valid: checks.every((c) => c.passed), checks };
  }

  private checkFileName(): void {
    const name = this.options.fileName ?? '';
    const m = FILE_NAME.exec(name);
    if (!m || !isFecDate(m[2]!)) return this.fail('fileName', `"${name}" is not <SIREN>FEC<YYYYMMDD>.txt`);
    const closing = m[2]!;
    if (this.compact && closing !== this.compact.end)
      return this.fail('fileName', `"${name}" names ${closing}, the exercise closes on ${this.compact.end}`);
    // Exercise unknown: a closing date ends a month and comes after every entry (not the export day).
    if (!this.compact && (!isMonthEnd(closing) || closing < this.maxDate))
      this.fail(
        'fileName',
        `"${name}" names ${closing}, not a closing date (month end on or after ${this.maxDate || 'the entries'})`,
      );
  }
}

export function checkFecText(text: string, options: FecCheckOptions): FecConformanceReport {
  const checker = new FecConformanceChecker(options);
  const records = text.split(/\r\n|\r|\n/);
  if (records.at(-1) === '') records.pop();
  for (const record of records) checker.push(record);
  return checker.finish();
}

/** Checks a FEC as it streams (file or download), one record at a time. */
export async function checkFecStream(
  stream: NodeJS.ReadableStream,
  options: FecCheckOptions,
): Promise<FecConformanceReport> {
  const checker = new FecConformanceChecker(options);
  for await (const record of createInterface({ input: stream, crlfDelay: Infinity })) checker.push(record);
  return checker.finish();
}
