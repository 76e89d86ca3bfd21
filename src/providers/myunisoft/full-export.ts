/**
 * MyUnisoft's asynchronous full export, for bulk exports of a whole exercise: `GET /mad/all` starts it
 * (`{ id, status: "INIT" }`), `GET /mad/all/status?exportId=` turns DONE with a `url` or FAILED with a
 * `reason`, and the file holds `data.entries`, each with its movements. MyUnisoft builds the file on its
 * side instead of holding a 150–250 MB answer open, and the same parameters within an hour return the
 * previous export (so such an export may be up to an hour old). Polls back off from 0.5 s to 15 s: each
 * one spends a request of the token's quota. A FAILED export falls back to the streamed `/mad/movements`.
 */
import { z } from 'zod';
import type { MovementRecord } from '../../domain/model';
import { ErrorCode, UpstreamError } from '../../errors';
import type { MovementFilter } from '../types';
import { MAD_VERSION, type MyUnisoftClient } from './client';
import { madItems } from './mad-stream';
import { movementsOfMadEntry } from './map';
import { streamMovements } from './movement-stream';
import { madEntrySchema } from './schemas';
import { abortableSleep } from '../resilience/abortable-sleep';

const START = 'GET /api/v1/mad/all';
const STATUS = 'GET /api/v1/mad/all/status';
const FILE = 'GET /mad/all file';

const startSchema = z.object({ id: z.string().min(1), status: z.string() });
const statusSchema = z.union([
  z.object({ status: z.literal('DONE'), url: z.string() }),
  z.object({ status: z.literal('FAILED'), reason: z.string().nullable().optional() }),
  z.object({ status: z.string() }),
]);

export interface FullExportOptions {
  /** Waits between status polls, in ms, the last one repeated (default 500, 1,000, 2,000, 4,000, 8,000, 15,000). */
  pollDelaysMs?: readonly number[];
  /** Longest wait for DONE, in ms (default 1,800,000: half an hour), then UPSTREAM_TIMEOUT. */
  deadlineMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_DELAYS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];
/** Only a whole exercise without other filters is what the full export holds. */
export const fitsFullExport = (filter: MovementFilter): boolean =>
  filter.exerciseId !== undefined &&
  !filter.from &&
  !filter.to &&
  !filter.dateFilter &&
  !filter.source &&
  !filter.accountClasses?.length &&
  !filter.lettering &&
  // The full export holds drafts too: any draft filter goes through /mad/movements.
  filter.draft === undefined;

/** Starts the export and polls it: the file's URL, or null when MyUnisoft reports it FAILED. */
async function exportUrl(
  client: MyUnisoftClient,
  companyId: string,
  exerciseId: string,
  options: FullExportOptions,
  signal?: AbortSignal,
): Promise<string | null> {
  const sleep = options.sleep ?? abortableSleep;
  const delays = options.pollDelaysMs ?? DEFAULT_DELAYS;
  const withSignal = signal ? { signal } : {};
  const started = await client.json(
    {
      route: START,
      path: '/api/v1/mad/all',
      query: { version: MAD_VERSION, format: 'json', idExercice: exerciseId },
      societyId: companyId,
      ...withSignal,
    },
    startSchema,
  );
  let waited = 0;
  for (let poll = 0; ; poll++) {
    const delay = delays[Math.min(poll, delays.length - 1)]!;
    if (waited + delay > (options.deadlineMs ?? 1_800_000))
      throw new UpstreamError(
        'MYUNISOFT',
        ErrorCode.UPSTREAM_TIMEOUT,
        'the full export was not ready in time',
      );
    await sleep(delay, signal);
    waited += delay;
    const state = await client.json(
      {
        route: STATUS,
        path: '/api/v1/mad/all/status',
        query: { version: MAD_VERSION, exportId: started.id },
        societyId: companyId,
        ...withSignal,
      },
      statusSchema,
    );
    if (state.status === 'DONE' && 'url' in state) return state.url;
    if (state.status === 'FAILED') return null;
  }
}

/** The exercise's movements from its full export, in batches, in bounded memory; null when it FAILED. */
export async function fullExportMovements(
  client: MyUnisoftClient,
  companyId: string,
  exerciseId: string,
  options: FullExportOptions = {},
  signal?: AbortSignal,
): Promise<AsyncGenerator<MovementRecord[]> | null> {
  const url = await exportUrl(client, companyId, exerciseId, options, signal);
  if (url === null) return null;
  const response = await client.download(url, FILE, signal);
  return (async function* () {
    const entries = madItems(client, response, {
      route: FILE,
      schema: madEntrySchema,
      what: 'entry',
      at: ['data', 'entries'],
      map: (entry) => movementsOfMadEntry(companyId, entry),
    });
    for await (const batch of entries) yield batch.flat();
  })();
}

/** A bulk export's movements: from the full export when the filter fits it, else one streamed `/mad/movements` call. */
export async function* bulkMovements(
  client: MyUnisoftClient,
  companyId: string,
  filter: MovementFilter,
  options: FullExportOptions,
  signal?: AbortSignal,
): AsyncGenerator<MovementRecord[]> {
  const fromExport = fitsFullExport(filter)
    ? await fullExportMovements(client, companyId, filter.exerciseId!, options, signal)
    : null;
  yield* fromExport ?? streamMovements(client, companyId, filter, signal);
}
