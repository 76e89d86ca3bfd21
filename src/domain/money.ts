/**
 * Exact money: amounts travel as integer cents (safe integers) from the provider edge to the
 * response, where they are printed as `Decimal` strings with two decimals. Never sum floats.
 */
export type Cents = number;

const DECIMAL = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/**
 * Parses a decimal amount in euros ("264.44", "-3,5", 83.77, "1e2" is refused) into integer cents.
 * Numbers are read through their shortest round-trip string, so 83.77 gives 8377 exactly.
 * More than two decimals must be zeros; anything else is refused rather than rounded.
 */
export function parseDecimalToCents(value: string | number): Cents {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > 2 && /[^0]/.test(fraction.slice(2))) {
    throw new RangeError(`amount has more than two decimals: ${JSON.stringify(value)}`);
  }
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${JSON.stringify(value)}`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Minor units (Pleo's `{ value: 26444 }`) are already cents; this only checks they are integers. */
export function minorUnitsToCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`minor units must be an integer: ${value}`);
  return value;
}

/** Formats cents as the `Decimal` scalar: "-264.44", "0.00". */
export function formatCents(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Exact sum of cents; throws rather than lose precision past 2^53. */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const value of values) {
    total += value;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts out of range');
  }
  return total;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const text = String(value);
  // Tiny or huge floats print in exponent form; amounts with cents never do below 1e21.
  if (/e/i.test(text)) {
    if (Math.abs(value) < 0.005) return '0';
    throw new RangeError(`amount out of range: ${value}`);
  }
  return text;
}
