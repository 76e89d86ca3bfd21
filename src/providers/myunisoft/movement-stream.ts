/**
 * `GET /api/v1/mad/movements` as a stream of mapped movements (see mad-stream.ts): one date window
 * for the paged listing, or a whole exercise or window streamed for bulk exports.
 */
import type { MovementFilter } from '../types';
import type { MovementRecord } from '../../domain/model';
import { MAD_VERSION, type MyUnisoftClient } from './client';
import { streamMadListing } from './mad-stream';
import { movementFromMad } from './map';
import { madMovementSchema } from './schemas';
import type { DateWindow } from './movement-windows';

const ROUTE = 'GET /api/v1/mad/movements';

/** The filter as MAD query parameters (the period is added per call). */
export function movementQuery(filter: MovementFilter) {
  return {
    version: MAD_VERSION,
    dateFilter: filter.dateFilter?.toLowerCase(),
    source: filter.source,
    classAccount: filter.accountClasses,
    lettering: filter.lettering?.toLowerCase(),
    // `draft` is a presence flag at MyUnisoft.
    draft: filter.draft ? 'true' : undefined,
  };
}

/** MAD's period: the exercise, or the filter's window (the schema layer checked it is one or the other). */
const periodQuery = (filter: MovementFilter) =>
  filter.exerciseId !== undefined
    ? { idExercice: filter.exerciseId }
    : { startDate: filter.from, endDate: filter.to };

/** Every movement of the filter's exercise or window, in ledger order, in batches. */
export function streamMovements(
  client: MyUnisoftClient,
  companyId: string,
  filter: MovementFilter,
  signal?: AbortSignal,
): AsyncGenerator<MovementRecord[]> {
  return streamMadListing(client, {
    route: ROUTE,
    path: '/api/v1/mad/movements',
    query: { ...movementQuery(filter), ...periodQuery(filter) },
    companyId,
    schema: madMovementSchema,
    what: 'movement',
    map: (movement) => movementFromMad(companyId, movement),
    ...(signal ? { signal } : {}),
  });
}

/** The filter narrowed to one date window of its period (the exercise, if any, gave the period). */
export const windowFilter = (filter: MovementFilter, window: DateWindow): MovementFilter => ({
  ...filter,
  exerciseId: undefined,
  from: window.start,
  to: window.end,
});
