/** `first`/`after` arguments: first defaults to 50, at most 500, never negative (BAD_USER_INPUT on `first`). */
import { BadUserInputError } from '../../errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first: number;
  after: string | null;
}

export function parsePageArgs(first: number | null | undefined, after: string | null | undefined): PageArgs {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  if (after !== null && after !== undefined && (after.length === 0 || after.length > 4096)) {
    throw new BadUserInputError('after is not a valid cursor.', 'after');
  }
  return { first: size, after: after ?? null };
}

/** `first` and `after` of a field's arguments, as GraphQL coerced them. */
export function pageArgsOf(args: Record<string, unknown>): PageArgs {
  return parsePageArgs(args.first as number | null | undefined, args.after as string | null | undefined);
}
