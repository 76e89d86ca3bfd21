/**
 * CSV cells (RFC 4180): a cell holding a comma, a quote or a line break is quoted, quotes doubled.
 * Text cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) get a
 * leading `'` — threat: CSV injection, a label from a provider executing in the accountant's
 * spreadsheet. Amounts are never touched: they are written by the gateway itself.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell for a value the gateway formats itself (amounts, dates, ids, enums). */
export function csvValue(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell for free text that came from a provider (labels, names, invoice numbers). */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return csvValue(FORMULA_START.test(value) ? `'${value}` : value);
}

/** One CSV line, CRLF-terminated as RFC 4180 says. */
export const csvLine = (cells: readonly string[]): string => `${cells.join(',')}\r\n`;
