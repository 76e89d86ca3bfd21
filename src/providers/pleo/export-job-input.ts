/** What a Pleo export job accepts of CreateExportJobRequest, checked before any upstream call. */
import { BadUserInputError } from '../../errors';
import type { CreateExportJobRequest } from '../types';
import type { PleoJobOptions } from './client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isPleoId = (id: string) => UUID.test(id);

// Inputs that only mean something for file exports (Jepilote); Pleo exports the entries it is given.
const FILE_EXPORT_FIELDS = ['from', 'to', 'notifyEmail'] as const;
const FILE_EXPORT_FLAGS = ['includeAlreadyExported', 'markAsExported'] as const;

/** The distinct, lower-cased entry ids to export; throws BadUserInputError naming the field at fault. */
export function pleoEntryIdsToExport(request: CreateExportJobRequest): string[] {
  if (request.format !== undefined) {
    throw new BadUserInputError(
      'Pleo export jobs send entries to the accounting system and produce no FEC or ACD file: leave format out.',
      'format',
    );
  }
  for (const field of FILE_EXPORT_FIELDS) {
    if (request[field] !== undefined)
      throw new BadUserInputError(`Pleo export jobs do not support ${field}: pass entryIds.`, field);
  }
  for (const flag of FILE_EXPORT_FLAGS) {
    if (request[flag] === true) throw new BadUserInputError(`Pleo export jobs do not support ${flag}.`, flag);
  }
  if (!request.entryIds || request.entryIds.length === 0) {
    throw new BadUserInputError(
      'Pleo export jobs need entryIds: the accounting entries to export.',
      'entryIds',
    );
  }
  if (!request.entryIds.every(isPleoId))
    throw new BadUserInputError('entryIds must be Pleo accounting entry ids (UUIDs).', 'entryIds');
  return [...new Set(request.entryIds.map((id) => id.toLowerCase()))];
}

/** The Pleo-only options of the request, as the client sends them. */
export function pleoJobOptions(request: CreateExportJobRequest): PleoJobOptions {
  if (request.employeeId !== undefined && !isPleoId(request.employeeId))
    throw new BadUserInputError('employeeId must be a Pleo user id (a UUID).', 'employeeId');
  return {
    ...(request.employeeId !== undefined ? { employeeId: request.employeeId } : {}),
    ...(request.isInteractive !== undefined ? { isInteractive: request.isInteractive } : {}),
    ...(request.vendorBasedBookkeeping !== undefined
      ? { vendorBasedBookkeeping: request.vendorBasedBookkeeping }
      : {}),
  };
}
