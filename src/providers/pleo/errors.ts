/** Pleo's failure answers → the gateway's typed errors. Only the error `type` code is ever echoed. */
import { BadUserInputError, ErrorCode, UpstreamError } from '../../errors';
import type { UpstreamClient } from '../http';
import { upstreamErrorCode } from '../upstream-text';

export function pleoFailure(
  http: UpstreamClient,
  status: number,
  type: string | null,
  route: string,
  retryAfter?: number,
): Error {
  // Both are fixable by the caller choosing other entries, so they name the input at fault (createExportJob's).
  if (status === 400 && type === 'MISSING_CONTRA_ACCOUNTS') {
    return new BadUserInputError(
      'Pleo cannot export entries that have no contra account (MISSING_CONTRA_ACCOUNTS).',
      'input.entryIds',
    );
  }
  if (status === 400 && type === 'ACCOUNTING_ENTRY_DOES_NOT_EXIST') {
    return new BadUserInputError('Some entries do not exist in this Pleo company.', 'input.entryIds');
  }
  // Not a bad input: the same request succeeds once the running job ends. An upstream error (not
  // retried: creating a job is not idempotent) keeps Pleo's code in the message for the caller.
  if (status === 409 && type === 'EXPORT_ALREADY_IN_PROGRESS') {
    return new UpstreamError(
      'PLEO',
      ErrorCode.UPSTREAM_ERROR,
      'an export job is already pending or in progress for this company (EXPORT_ALREADY_IN_PROGRESS)',
      status,
    );
  }
  // Retry-After reaches the caller, who is told when Pleo will take requests again.
  const base = http.statusError(status, route, retryAfter);
  // Only a code-shaped `type` is echoed: a free-text one may quote the request.
  const code = upstreamErrorCode(type);
  if (!code || base.code === ErrorCode.UPSTREAM_RATE_LIMITED) return base;
  return new UpstreamError('PLEO', base.code, `${base.message.replace(/^PLEO: /, '')} (${code})`, status);
}
