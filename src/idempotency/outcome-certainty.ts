/**
 * Which failures of a write prove that nothing was committed. Everything else (timeouts, resets, 5xx,
 * an unreadable answer, a lapsed lease) leaves the outcome unknown, to be reconciled with the provider.
 */
import { ErrorCode, UpstreamError, isGrandLivreError } from '../errors';

const REFUSED_BEFORE_WRITING = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.UNSUPPORTED_BY_PROVIDER,
  ErrorCode.UPSTREAM_RATE_LIMITED,
]);

/** True when `error` says the provider refused the write (a 4xx other than 408), so it did not commit. */
export function provesNothingCommitted(error: unknown): boolean {
  if (error instanceof UpstreamError) {
    if (error.code === ErrorCode.UPSTREAM_RATE_LIMITED) return true;
    return error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408;
  }
  return isGrandLivreError(error) && REFUSED_BEFORE_WRITING.has(String(error.extensions.code));
}
