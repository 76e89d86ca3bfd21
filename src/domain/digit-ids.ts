/**
 * Digit-only ids carried as numbers through JSON.parse: V8 11.3 (Node 20) interns every JSON string value
 * of ≤ 10 characters (old space plus a string-table slot), a number it does not. The round trip is exact
 * for 1–15 digits without a leading zero (every such integer is exact as a double, below 2^53).
 */

/** Longest digit id carried as a number. */
export const MAX_ID_DIGITS = 15;

/** Longest JSON string value V8 11.3's JSON.parse interns: longer ids need no detour through a number. */
export const MAX_INTERNED_LENGTH = 10;

const DIGIT_ID = new RegExp(`^[1-9]\\d{0,${MAX_ID_DIGITS - 1}}$`);

/** Whether an id string survives the round trip through a number. */
export const isDigitId = (id: string): boolean => DIGIT_ID.test(id);

/**
 * A digit id carried as a number, as its string again. toFixed(0), not String(): String() keeps each
 * result in V8's number-string cache, so every id would outlive a scavenge and be promoted.
 */
export const digitIdText = (id: number): string => id.toFixed(0);
