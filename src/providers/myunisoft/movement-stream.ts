/**
 * `GET /api/v1/mad/movements` as a stream of mapped movements (see mad-stream.ts): one date window
 * for the paged listing, or a whole exercise or window streamed for bulk exports.
 */
import type { MovementFilter } from '../types';
import type { MovementRecord } from '../../domain/model';
import type { UpstreamBadDataError } from '../../errors';
import { MAD_VERSION, type MyUnisoftClient } from './client';
import { streamMadListing, streamMadRows } from './mad-stream';
import { bookedPhase } from './movement-slices';
import { windowsWithin12Months } from './movement-windows';
import { movementFromMad } from './map';
import { madMovementSchema, type MadMovement } from './schemas';

const ROUTE = 'GET /api/v1/mad/movements';

/** MAD cannot ask for validated movements only: a draft is one whose entry has no accounting date yet. */
const isValidated = (movement: MadMovement) =>
  Boolean(movement.entry.additionalProducerProperties?.accountedAt);

/** The filter as MAD query parameters (the period is added per call). */
export function movementQuery(filter: MovementFilter) {
  return {
    version: MAD_VERSION,
    dateFilter: filter.dateFilter?.toLowerCase(),
    source: filter.source,
    classAccount: filter.accountClasses,
    lettering: filter.lettering?.toLowerCase(),
    // `draft` is a presence flag at MyUnisoft meaning "only drafts"; false is kept by `isValidated`.
    draft: filter.draft ? 'true' : undefined,
  };
}

/** MAD's period: the exercise, or the filter's window (the schema layer checked it is one or the other). */
const periodQuery = (filter: MovementFilter) =>
  filter.exerciseId !== undefined
    ? { idExercice: filter.exerciseId }
    : { startDate: filter.from, endDate: filter.to };

/** A movement, or the bad row MyUnisoft sent in its place (kept so its page can report it). */
export type MovementRow = MovementRecord | UpstreamBadDataError;

const listing = (companyId: string, filter: MovementFilter, signal?: AbortSignal) => ({
  route: ROUTE,
  path: '/api/v1/mad/movements',
  query: { ...movementQuery(filter), ...periodQuery(filter) },
  companyId,
  schema: madMovementSchema,
  what: 'movement',
  map: (movement: MadMovement) => movementFromMad(companyId, movement),
  ...(filter.draft === false ? { keep: isValidated } : {}),
  ...(signal ? { signal } : {}),
});

/** Every movement of the filter's exercise or window, in ledger order, in batches; a bad row fails it. */
export function streamMovements(
  client: MyUnisoftClient,
  companyId: string,
  filter: MovementFilter,
  signal?: AbortSignal,
): AsyncGenerator<MovementRecord[]> {
  const { booked, ...asked } = filter;
  if (asked.exerciseId !== undefined || asked.from === undefined || asked.to === undefined)
    return streamMadListing(client, listing(companyId, asked, signal));
  // A ledger's span (a window pulled back to its exercise's start) may pass MAD's 12 months: in turn.
  const windows = windowsWithin12Months(asked.from, asked.to);
  // Booked in the window, as an exercise is read (movement-slices.ts): validated movements by their
  // accounting date, then drafts, which have none yet, by their document's.
  const phases: MovementFilter[] = booked
    ? [false, true].map((drafts) => ({ ...asked, ...bookedPhase(drafts) }))
    : [asked];
  return (async function* () {
    for (const phase of phases)
      for (const { start, end } of windows)
        yield* streamMadListing(client, listing(companyId, { ...phase, from: start, to: end }, signal));
  })();
}

/** Every row of one slice's filter (movement-slices.ts), bad rows included, in batches: a snapshot's download. */
export function streamMovementRows(
  client: MyUnisoftClient,
  companyId: string,
  filter: MovementFilter,
  signal?: AbortSignal,
): AsyncGenerator<MovementRow[]> {
  return streamMadRows(client, listing(companyId, filter, signal));
}
