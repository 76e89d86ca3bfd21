/**
 * Native ids the connector hands out, and its resume tokens. Inqom has no route to read one entry
 * or entry line, so their ids carry the entry date (`<native id>@YYYY-MM-DD`): a lookup then reads
 * a single day of entry lines. Resume tokens are absolute positions in an upstream listing.
 */
import { BadUserInputError } from '../../errors';

const DATED_ID = /^(\d{1,18})@(\d{4}-\d{2}-\d{2})$/;

export const datedId = (nativeId: number, date: string): string => `${nativeId}@${date}`;

export function parseDatedId(id: string): { nativeId: number; date: string } | null {
  const match = DATED_ID.exec(id);
  return match ? { nativeId: Number(match[1]), date: match[2]! } : null;
}

/** Position to resume at: 0 without a cursor. */
export function parseResumeToken(after: string | null): number {
  if (after === null) return 0;
  if (!/^\d{1,9}$/.test(after))
    throw new BadUserInputError('after is not a valid cursor for this list', 'after');
  return Number(after);
}

/** Inqom ids are integers: anything else cannot exist there, so it is not asked. */
export const isNativeId = (id: string): boolean => /^\d{1,18}$/.test(id);
