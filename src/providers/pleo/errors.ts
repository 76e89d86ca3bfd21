/** Pleo's failure answers → the gateway's typed errors. Only the error `type` code is ever echoed. */
import { BadUserInputError, ErrorCode, UpstreamError } from '../../errors';
import type { UpstreamClient } from '../http';
import { upstreamErrorCode } from '../upstream-text';

/**
 * Refusals the caller fixes by changing its input, by `<status> <type>`, each naming the input at fault.
 * MISSING_CONTRA_ACCOUNTS and ACCOUNTING_ENTRY_DOES_NOT_EXIST: other entries (createExportJob). The
 * lifecycle routes: what the job's state or Pleo's caps refuse (the mutations say which state).
 */
const BAD_INPUTS: Readonly<Record<string, { message: string; field: string }>> = {
  '400 MISSING_CONTRA_ACCOUNTS': {
    message: 'Pleo cannot export entries that have no contra account (MISSING_CONTRA_ACCOUNTS).',
    field: 'input.entryIds',
  },
  '400 ACCOUNTING_ENTRY_DOES_NOT_EXIST': {
    message: 'Some entries do not exist in this Pleo company.',
    field: 'input.entryIds',
  },
  '422 INVALID_EXPORT_JOB_STATUS_CHANGE': {
    message: "The export job's status does not allow this event (INVALID_EXPORT_JOB_STATUS_CHANGE).",
    field: 'input.event',
  },
  '422 EXPORT_JOB_STATUS_UNPROCESSABLE': {
    message: 'The export job has finished: its items can no longer change (EXPORT_JOB_STATUS_UNPROCESSABLE).',
    field: 'input.exportJobId',
  },
  '413 EXPORT_JOB_ITEMS_UPDATE_LIMIT': {
    message: 'Pleo updates at most 100 items at once (EXPORT_JOB_ITEMS_UPDATE_LIMIT).',
    field: 'input.items',
  },
};

export function pleoFailure(
  http: UpstreamClient,
  status: number,
  type: string | null,
  route: string,
  retryAfter?: number,
): Error {
  const input = BAD_INPUTS[`${status} ${type}`];
  if (input) return new BadUserInputError(input.message, input.field);
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
