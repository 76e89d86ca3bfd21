/**
 * Exact money for clients: a `Decimal` ("-264.44") as integer cents and back, and sums without
 * floats (0.1 + 0.2 is not 0.3 in binary floating point; 10 + 20 cents is 30).
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** `"-264.44"` → `-26444`. Refuses more than two decimals, exponents and anything not a Decimal. */
export function decimalToCents(decimal: string): number {
  const match = DECIMAL.exec(decimal);
  if (!match) throw new RangeError(`Not a Decimal (at most two decimals): ${JSON.stringify(decimal)}`);
  const [, minus, units = '0', fraction = ''] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Decimal out of range: ${decimal}`);
  return minus && cents !== 0 ? -cents : cents;
}

/** `-26444` → `"-264.44"`, as the gateway prints a Decimal. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The exact sum of Decimals, as a Decimal: `sumDecimals(["0.10", "0.20"])` is `"0.30"`. */
export function sumDecimals(decimals: Iterable<string>): string {
  let total = 0;
  for (const decimal of decimals) {
    total += decimalToCents(decimal);
    if (!Number.isSafeInteger(total)) throw new RangeError('Sum out of range.');
  }
  return centsToDecimal(total);
}
