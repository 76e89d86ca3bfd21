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
const FOREIGN_AMOUNT = /^-?\d+,\d{1,2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const REQUIRED = [0, 1, 2, 3, 4, 5, 8, 9, 10, 15];
/** Where a reader of the file (readline) ends a record. */
const LINE_END = /\r\n|\r|\n/;
const MAX_REMEMBERED_DATES = 4096;

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

/** What UTF-8 bytes of `text` read back as: a lone surrogate becomes U+FFFD (ES2024 methods, in Node 20). */
const asWrittenInUtf8 = (text: string) => {
  const es2024 = text as string & { isWellFormed(): boolean; toWellFormed(): string };
  return es2024.isWellFormed() ? text : es2024.toWellFormed();
};

/** An AMOUNT (`123,45`) in cents. */
const cents = (amount: string) => {
  const comma = amount.indexOf(',');
  return Number(amount.slice(0, comma)) * 100 + Number(amount.slice(comma + 1));
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
  private readonly dates = new Map<string, boolean>();
  /** Written text after its last line ending (pushWritten). */
  private pending = '';

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
    const lineNumber = ++this.lineNumber;
    if (lineNumber === 1) return this.header(record.replace(/^\uFEFF/, ''));
    if (record === '') return;
    // The bulk export checks every record it writes (500,000 for a big exercise): locals, no array per
    // record, memoised dates, and the `line N` prefix built only for a failure.
    const f = record.split(this.separator);
    if (f.length !== this.columns)
      return this.fail(
        'columnCount',
        `line ${lineNumber}: ${f.length} fields, the header has ${this.columns}`,
      );
    let missing: string[] | null = null;
    for (const i of REQUIRED) if ((f[i] ?? '') === '') (missing ??= []).push(FEC_COLUMNS[i]!);
    if (missing) this.fail('requiredFields', `line ${lineNumber}: ${missing.join(', ')} empty`);
    const date = f[3] ?? '';
    const pieceDate = f[9] ?? '';
    const validDate = f[15] ?? '';
    const letteringDate = f[14] ?? '';
    const dateValid = this.isDate(date);
    const validDateValid = this.isDate(validDate);
    if (!dateValid) this.badDate(lineNumber, 3, date);
    if (!this.isDate(pieceDate)) this.badDate(lineNumber, 9, pieceDate);
    if (!validDateValid) this.badDate(lineNumber, 15, validDate);
    const letteringDateValid = letteringDate !== '' && this.isDate(letteringDate);
    if (letteringDate !== '' && !letteringDateValid) this.badDate(lineNumber, 14, letteringDate);
    if (dateValid) {
      if (date > this.maxDate) this.maxDate = date;
      if (this.compact && (date < this.compact.start || date > this.compact.end))
        this.fail(
          'datesInExercise',
          `line ${lineNumber}: EcritureDate ${date} outside ${this.compact.start}–${this.compact.end}`,
        );
    }
    const debit = f[11] ?? '';
    const credit = f[12] ?? '';
    const foreignAmount = f[16] ?? '';
    const debitValid = AMOUNT.test(debit);
    const creditValid = AMOUNT.test(credit);
    if (!debitValid || !creditValid || (foreignAmount !== '' && !FOREIGN_AMOUNT.test(foreignAmount)))
      this.fail(
        'amounts',
        `line ${lineNumber}: Debit "${debit}" Credit "${credit}" Montantdevise "${foreignAmount}"`,
      );
    const account = f[4] ?? '';
    if (!ACCOUNT.test(account))
      this.fail('accountNumbers', `line ${lineNumber}: CompteNum "${account}" is not a PCG account number`);
    else if ((f[6] ?? '') !== '' && (f[7] ?? '') === '')
      this.fail('accountNumbers', `line ${lineNumber}: CompAuxNum without CompAuxLib`);
    const lettering = f[13] ?? '';
    if (letteringDate !== '' && (lettering === '' || (letteringDateValid && letteringDate < date)))
      this.fail(
        'letteringDates',
        `line ${lineNumber}: DateLet ${letteringDate} with EcritureLet "${lettering}" and EcritureDate ${date}`,
      );
    if (validDateValid && validDate < this.lastValidDate)
      this.fail(
        'chronologicalOrder',
        `line ${lineNumber}: ValidDate ${validDate} after ${this.lastValidDate}`,
      );
    if (validDateValid && validDate > this.lastValidDate) this.lastValidDate = validDate;
    const currency = f[17] ?? '';
    if ((currency === '') !== (foreignAmount === '') || (currency !== '' && !CURRENCY.test(currency)))
      this.fail(
        'currency',
        `line ${lineNumber}: Idevise "${currency}" with Montantdevise "${foreignAmount}"`,
      );
    this.entryLine(
      f[0] ?? '',
      f[2] ?? '',
      debitValid && creditValid ? cents(debit) - cents(credit) : 0,
      lineNumber,
    );
  }

  /**
   * Text as written to the file, each record ended by CRLF (FecRecordWriter), split into records as a
   * reader of the file would (readline: CRLF, LF or a lone CR ends one; a lone surrogate reads back as
   * U+FFFD): the report of the text is the report of the file, without reading it back.
   */
  pushWritten(text: string): void {
    const wellFormed = asWrittenInUtf8(text);
    const end = wellFormed.length - 2;
    if (this.pending === '' && wellFormed.indexOf('\r') === end && wellFormed.indexOf('\n') === end + 1)
      return this.push(wellFormed.slice(0, end));
    // A CR at the end may be the first half of a CRLF split across two texts: held until the next.
    const joined = this.pending + wellFormed;
    const heldReturn = joined.endsWith('\r');
    const records = (heldReturn ? joined.slice(0, -1) : joined).split(LINE_END);
    this.pending = records.pop()! + (heldReturn ? '\r' : '');
    for (const record of records) this.push(record);
  }

  /** isFecDate, remembered: a file has a few hundred distinct dates over 500,000 records. */
  private isDate(value: string): boolean {
    let valid = this.dates.get(value);
    if (valid === undefined) {
      valid = isFecDate(value);
      if (this.dates.size >= MAX_REMEMBERED_DATES) this.dates.clear();
      this.dates.set(value, valid);
    }
    return valid;
  }

  private badDate(lineNumber: number, column: number, value: string): void {
    this.fail('dateFormat', `line ${lineNumber}: ${FEC_COLUMNS[column]} "${value}" is not YYYYMMDD`);
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

  private entryLine(journal: string, num: string, signed: number, lineNumber: number): void {
    const key = `${journal}\u0000${num}`;
    if (this.entry?.key === key) {
      this.entry.balance += signed;
      return;
    }
    this.closeEntry();
    this.entry = { key, line: lineNumber, balance: signed };
    const n = Number(num);
    const expected = (this.journalNumbers.get(journal) ?? 0) + 1;
    if (!/^\d+$/.test(num) || n !== expected)
      this.fail(
        'ecritureNumContinuity',
        `line ${lineNumber}: journal ${journal} EcritureNum ${num} after ${expected - 1}`,
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
    if (this.pending !== '') this.push(this.pending.replace(/\r$/, ''));
    this.pending = '';
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
