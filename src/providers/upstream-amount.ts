/**
 * Amounts as providers send them → exact cents. One that is not a decimal with at most two decimals
 * is bad data of its row (UPSTREAM_BAD_DATA naming the row), never an internal error, and its value
 * is left out of the error: it is the provider's data, echoed to clients and logs.
 */
import { parseDecimalToCents, type Cents } from '../domain/money';
import { UpstreamBadDataError, type ProviderName } from '../errors';

/** Names a row in errors by its id, when the id looks like one (it is echoed to the client). */
export const rowName = (kind: string, id: unknown): string => {
  const text = typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id;
  return typeof text === 'string' && /^[\w.-]{1,40}$/.test(text)
    ? `${kind} ${text}`
    : `${kind} (unreadable id)`;
};

export const BAD_AMOUNT = 'an amount is not a decimal with at most two decimals';

export function upstreamCents(provider: ProviderName, value: string | number, row: string): Cents {
  try {
    return parseDecimalToCents(value);
  } catch {
    throw new UpstreamBadDataError(provider, row, BAD_AMOUNT);
  }
}
