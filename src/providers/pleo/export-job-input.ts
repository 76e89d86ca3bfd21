/**
 * What a Pleo export job accepts of CreateExportJobRequest: one rule, run by the schema layer before
 * any upstream call (src/providers/export-request-rules.ts) and by the session before it sends.
 */
import { BadUserInputError } from '../../errors';
import type { CreateExportJobRequest, RequestProblem } from '../types';
import type { PleoJobOptions } from './client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isPleoId = (id: string) => UUID.test(id);

// Inputs that only mean something for file exports (Jepilote); Pleo exports the entries it is given.
const FILE_EXPORT_FIELDS = ['from', 'to', 'notifyEmail'] as const;
const FILE_EXPORT_FLAGS = ['includeAlreadyExported', 'markAsExported'] as const;

/** What Pleo would refuse in `request` (the field named as in the request), or null. */
export function pleoExportProblem(request: CreateExportJobRequest): RequestProblem | null {
  if (request.format !== undefined)
    return {
      field: 'format',
      message:
        'Pleo export jobs send entries to the accounting system and produce no FEC or ACD file: leave format out.',
    };
  for (const field of FILE_EXPORT_FIELDS) {
    if (request[field] !== undefined)
      return { field, message: `Pleo export jobs do not support ${field}: pass entryIds.` };
  }
  for (const field of FILE_EXPORT_FLAGS) {
    if (request[field] === true) return { field, message: `Pleo export jobs do not support ${field}.` };
  }
  if (!request.entryIds || request.entryIds.length === 0)
    return {
      field: 'entryIds',
      message: 'Pleo export jobs need entryIds: the accounting entries to export.',
    };
  const notPleo = request.entryIds.findIndex((id) => !isPleoId(id));
  if (notPleo >= 0)
    return { field: `entryIds.${notPleo}`, message: 'must be a Pleo accounting entry id (a UUID).' };
  if (request.employeeId !== undefined && !isPleoId(request.employeeId))
    return { field: 'employeeId', message: 'must be a Pleo user id (a UUID).' };
  return null;
}

/** The distinct, lower-cased entry ids to export; throws BadUserInputError naming the field at fault. */
export function pleoEntryIdsToExport(request: CreateExportJobRequest): string[] {
  const problem = pleoExportProblem(request);
  if (problem) throw new BadUserInputError(problem.message, problem.field);
  return [...new Set(request.entryIds!.map((id) => id.toLowerCase()))];
}

/** The Pleo-only options of the request (checked by pleoExportProblem), as the client sends them. */
export function pleoJobOptions(request: CreateExportJobRequest): PleoJobOptions {
  return {
    ...(request.employeeId !== undefined ? { employeeId: request.employeeId } : {}),
    ...(request.isInteractive !== undefined ? { isInteractive: request.isInteractive } : {}),
    ...(request.vendorBasedBookkeeping !== undefined
      ? { vendorBasedBookkeeping: request.vendorBasedBookkeeping }
      : {}),
  };
}
