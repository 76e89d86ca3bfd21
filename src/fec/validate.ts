/**
 * Checks a FEC against the rules of article A47 A-1 LPF as summarised in providers.md: the 18
 * columns first, in order and exact case (or the Montant/Sens variant); one separator (tab or |);
 * YYYYMMDD dates; comma decimals; CompteNum starting with three digits; EcritureNum continuous;
 * each entry (JournalCode, EcritureNum) balanced. Returns every problem found, not just the first.
 */
import { FEC_COLUMNS } from './columns';

export interface FecReport {
  valid: boolean;
  errors: string[];
  lineCount: number;
  entryCount: number;
  /** Totals in cents. */
  debitTotal: number;
  creditTotal: number;
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const AMOUNT = /^-?\d+(,\d{1,2})?$/;
const MAX_ERRORS = 50;

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

const toCents = (value: string) => {
  const [whole = '0', fraction = ''] = value.replace('-', '').split(',');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return value.startsWith('-') ? -cents : cents;
};

export function validateFec(text: string): FecReport {
  const errors: string[] = [];
  const fail = (message: string) => errors.length < MAX_ERRORS && errors.push(message);
  const records = text.split(/\r\n|\r|\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
  const header = records[0] ?? '';
  const separator = header.includes('\t') ? '\t' : '|';
  const columns = header.split(separator);
  const variant = columns[11] === 'Montant' && columns[12] === 'Sens' ? 'sens' : 'debit-credit';
  const expected =
    variant === 'sens'
      ? [...FEC_COLUMNS.slice(0, 11), 'Montant', 'Sens', ...FEC_COLUMNS.slice(13)]
      : FEC_COLUMNS;
  expected.forEach((name, i) => {
    if (columns[i] !== name) fail(`header: column ${i + 1} must be "${name}", found "${columns[i] ?? ''}"`);
  });
  const balances = new Map<string, number>();
  const numbers: number[] = [];
  let debitTotal = 0;
  let creditTotal = 0;
  records.slice(1).forEach((record, i) => {
    const at = `line ${i + 2}`;
    const fields = record.split(separator);
    if (fields.length < 18) return void fail(`${at}: ${fields.length} fields, expected at least 18`);
    if (separator === '\t' ? record.includes('|') && fields.length !== columns.length : false)
      fail(`${at}: mixed separators`);
    const [journal, , num, date, account] = fields;
    if (!journal) fail(`${at}: JournalCode is empty`);
    if (!validDate(date ?? '')) fail(`${at}: EcritureDate "${date}" is not a YYYYMMDD date`);
    if (!/^\d{3}/.test(account ?? '')) fail(`${at}: CompteNum "${account}" must start with three digits`);
    for (const index of [9, 15])
      if (fields[index] && !validDate(fields[index]))
        fail(`${at}: ${FEC_COLUMNS[index]} "${fields[index]}" is not a YYYYMMDD date`);
    let signed: number;
    if (variant === 'sens') {
      if (!AMOUNT.test(fields[11] ?? '') || !['D', 'C'].includes(fields[12] ?? ''))
        return void fail(`${at}: bad Montant/Sens`);
      const amount = toCents(fields[11]!);
      signed = fields[12] === 'D' ? amount : -amount;
      if (fields[12] === 'D') debitTotal += amount;
      else creditTotal += amount;
    } else {
      if (!AMOUNT.test(fields[11] ?? '') || !AMOUNT.test(fields[12] ?? ''))
        return void fail(`${at}: Debit/Credit must use a comma decimal separator and no thousands separator`);
      const debit = toCents(fields[11]!);
      const credit = toCents(fields[12]!);
      debitTotal += debit;
      creditTotal += credit;
      signed = debit - credit;
    }
    const key = `${journal}\u0000${num}`;
    if (!balances.has(key)) numbers.push(Number(num));
    balances.set(key, (balances.get(key) ?? 0) + signed);
  });
  for (const [key, balance] of balances) {
    if (balance !== 0)
      fail(`entry ${key.replace('\u0000', ' #')} is not balanced (difference ${balance} cents)`);
  }
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  if (distinct.some((n) => !Number.isInteger(n))) fail('EcritureNum must be numeric to check continuity');
  else
    distinct.forEach(
      (n, i) =>
        i > 0 && n !== distinct[i - 1]! + 1 && fail(`EcritureNum jumps from ${distinct[i - 1]} to ${n}`),
    );
  return {
    valid: errors.length === 0,
    errors,
    lineCount: records.length - 1,
    entryCount: balances.size,
    debitTotal,
    creditTotal,
  };
}
