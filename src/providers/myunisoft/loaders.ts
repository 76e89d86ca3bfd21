/**
 * Per-request DataLoaders: one upstream call per distinct resource in a GraphQL request. MyUnisoft
 * has no batch endpoints, so a batch fans out one call per distinct key; `maxBatchSize` stays at
 * 10, the concurrent calls MyUnisoft accepts on one route.
 */
import DataLoader from 'dataloader';
import { observeBatches, type LoaderBatchListener } from '../observed-batch';
import type { CompanyRecord, EntryRecord, ExerciseRecord } from '../../domain/model';
import { MAD_VERSION, type MyUnisoftClient } from './client';
import { companyFromSociety, entryFromLegacy, exerciseFromMad, type LegacyEntryCode } from './map';
import {
  legacyEntriesSchema,
  madEntrySchema,
  madExercisesSchema,
  societiesSchema,
  type MadEntry,
  type Society,
} from './schemas';

const MAX_CONCURRENT_PER_ROUTE = 10;
/** A bound on `/society` pages followed, should a provider keep announcing more. */
const MAX_SOCIETY_PAGES = 100;

/** One listing of the legacy `POST /entries`: a company, one type, the seed's filters. */
export interface EntryListKey {
  companyId: string;
  code: LegacyEntryCode;
  journalCode?: string;
  from?: string;
  to?: string;
}

/** Runs `load` per key; a failing key gets its own Error, the others still resolve. */
const eachKey =
  <K, V>(load: (key: K) => Promise<V>) =>
  (keys: readonly K[]): Promise<(V | Error)[]> =>
    Promise.all(
      keys.map((key) =>
        load(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    );

export function createMyUnisoftLoaders(
  client: MyUnisoftClient,
  signal?: AbortSignal,
  onBatch?: LoaderBatchListener,
) {
  const withSignal = signal ? { signal } : {};
  const perKey = <K, V>(loader: string, load: (key: K) => Promise<V>) =>
    observeBatches(`myunisoft.${loader}`, eachKey(load), onBatch);
  const options = { maxBatchSize: MAX_CONCURRENT_PER_ROUTE };
  return {
    /** Every society of the account, under the single key `all`. */
    societies: new DataLoader<'all', CompanyRecord[]>(
      perKey('societies', async () => {
        const societies: Society[] = [];
        // A firm with many companies answers `pages_number > 1`: every page is read, one call each.
        for (let page = 1; page <= MAX_SOCIETY_PAGES; page++) {
          const call = { route: 'GET /api/v1/society', path: '/api/v1/society', societyId: null };
          const query = page > 1 ? { query: { page } } : {};
          const data = await client.json({ ...call, ...query, ...withSignal }, societiesSchema);
          if (!('society_array' in data)) return [companyFromSociety(data)];
          societies.push(...data.society_array);
          if (page >= (data.pages_number ?? 1) || data.society_array.length === 0) break;
        }
        return societies.map(companyFromSociety);
      }),
      { maxBatchSize: 1 },
    ),
    exercises: new DataLoader<string, ExerciseRecord[]>(
      perKey('exercises', async (companyId) => {
        const call = {
          route: 'GET /api/v1/mad/exercices',
          path: '/api/v1/mad/exercices',
          query: { version: MAD_VERSION },
          societyId: companyId,
          ...withSignal,
        };
        return (await client.json(call, madExercisesSchema)).map((e) => exerciseFromMad(companyId, e));
      }),
      options,
    ),
    /** `/mad/entry` answers as received: an entry, or one of its movements, is mapped by the caller. */
    entry: new DataLoader<{ companyId: string; entryId: string }, MadEntry | null, string>(
      perKey('entry', async ({ companyId, entryId }) => {
        const call = {
          route: 'GET /api/v1/mad/entry',
          path: '/api/v1/mad/entry',
          query: { version: MAD_VERSION, id: entryId },
          societyId: companyId,
          ...withSignal,
        };
        return client.jsonOrNull(call, madEntrySchema);
      }),
      { ...options, cacheKeyFn: ({ companyId, entryId }) => `${companyId}\u0000${entryId}` },
    ),
    entryList: new DataLoader<EntryListKey, EntryRecord[], string>(
      perKey('entryList', async (key) => {
        const filters = [
          { name: 'type', value: key.code.toLowerCase() },
          ...(key.journalCode ? [{ name: 'diary', value: key.journalCode }] : []),
          ...(key.from ? [{ name: 'start_date', value: key.from }] : []),
          ...(key.to ? [{ name: 'end_date', value: key.to }] : []),
        ];
        const call = {
          route: 'POST /api/v1/entries',
          path: '/api/v1/entries',
          method: 'POST' as const,
          query: { type: key.code.toLowerCase() },
          body: { sort: { ecr: 'asc' }, filters },
          societyId: key.companyId,
          ...withSignal,
        };
        const data = await client.json(call, legacyEntriesSchema);
        return data.entry_array.map((entry) => entryFromLegacy(key.companyId, key.code, entry));
      }),
      {
        ...options,
        cacheKeyFn: (key) => JSON.stringify([key.companyId, key.code, key.journalCode, key.from, key.to]),
      },
    ),
  };
}

export type MyUnisoftLoaders = ReturnType<typeof createMyUnisoftLoaders>;
