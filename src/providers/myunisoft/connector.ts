/**
 * The MyUnisoft connector: companies (societies), exercises (MAD), entries (legacy `POST /entries`,
 * paged by the gateway over the provider's full answer), one entry or movement (`/mad/entry`) and movements (MAD,
 * slices — date windows, thirds of a month, or an exercise's drafts — parsed as streams, kept in a bounded
 * per-connector cache); for bulk exports, whole
 * periods of movements or entries streamed from MAD. Entry attachments are not
 * mapped to documents: `documentIds` stays empty and DOCUMENTS is not a capability.
 */
import type { Capability, EntryRecord, MovementRecord } from '../../domain/model';
import { BadUserInputError, NotFoundError, UpstreamBadDataError } from '../../errors';
import type {
  ConnectorDeps,
  EntryFilter,
  MovementFilter,
  Page,
  PageRequest,
  ProviderConnector,
  ProviderSession,
} from '../types';
import { MyUnisoftClient, type MyUnisoftAccount } from './client';
import {
  CODE_BY_ENTRY_TYPE,
  ENTRY_TYPE_BY_CODE,
  entryFromMad,
  movementOfMadEntry,
  type EntryRow,
  type LegacyEntryCode,
} from './map';
import { parseMovementNativeId } from './movement-ids';
import type { MadEntry } from './schemas';
import type { LoaderBatchListener } from '../observed-batch';
import { createMyUnisoftLoaders, type MyUnisoftLoaders } from './loaders';
import { MovementWindowCache, type MovementCacheOptions } from './movement-cache';
import { streamEntries } from './entry-stream';
import { fetchMovementSlice, streamMovements } from './movement-stream';
import { filterKey, pageMovements } from './movements';
import { fetchAccounts, fetchBalance, fetchJournals } from './chart';
import { exerciseSlices, sliceFilter, windowSlices, type MovementSlice } from './movement-slices';

const CAPABILITIES: readonly Capability[] = ['EXERCISES', 'ENTRIES', 'MOVEMENTS'];
const ALL_CODES = Object.keys(ENTRY_TYPE_BY_CODE) as LegacyEntryCode[];

export interface MyUnisoftConnectorOptions {
  /** Bounds of the movement window cache (defaults: 30,000 movements, 60 s). */
  movementCache?: MovementCacheOptions;
}

const byDateThenId = (a: EntryRecord, b: EntryRecord) =>
  a.date.localeCompare(b.date) || Number(a.providerId) - Number(b.providerId);

function offsetOf(after: string | null): number {
  if (after === null) return 0;
  if (!/^e\d+$/.test(after))
    throw new BadUserInputError('This cursor does not belong to this entry listing.', 'after');
  return Number(after.slice(1));
}

function sliceEntries(all: EntryRecord[], page: PageRequest): Page<EntryRecord> {
  const start = offsetOf(page.after);
  const items = all
    .slice(start, start + page.first)
    .map((node, i) => ({ node, resumeToken: `e${start + i + 1}` }));
  return { items, hasNextPage: start + items.length < all.length, totalCount: all.length };
}

function openSession(
  client: MyUnisoftClient,
  cache: MovementWindowCache,
  signal?: AbortSignal,
  onLoaderBatch?: LoaderBatchListener,
): ProviderSession {
  const loaders: MyUnisoftLoaders = createMyUnisoftLoaders(client, signal, onLoaderBatch);
  const entryRecords = new WeakMap<MadEntry, EntryRecord>();

  const movementSlices = async (companyId: string, filter: MovementFilter): Promise<MovementSlice[]> => {
    if (!filter.exerciseId) return windowSlices(filter.from!, filter.to!);
    const exercise = (await loaders.exercises.load(companyId)).find(
      (e) => e.providerId === filter.exerciseId,
    );
    if (!exercise) throw new NotFoundError('Exercise', 'filter.exerciseId');
    return exerciseSlices(exercise, filter.draft);
  };

  return {
    provider: 'MYUNISOFT',
    capabilities: CAPABILITIES,
    listCompanies: () => loaders.societies.load('all'),
    getCompany: async (companyId) =>
      (await loaders.societies.load('all')).find((c) => c.providerId === companyId) ?? null,
    listExercises: (companyId) => loaders.exercises.load(companyId),
    getExercise: async (companyId, exerciseId) =>
      (await loaders.exercises.load(companyId)).find((e) => e.providerId === exerciseId) ?? null,

    async listEntries(companyId: string, filter: EntryFilter, page: PageRequest) {
      const codes = filter.type ? [CODE_BY_ENTRY_TYPE[filter.type]] : ALL_CODES;
      const lists = await loaders.entryList.loadMany(
        codes.map((code) => ({
          companyId,
          code,
          ...(filter.journalCode ? { journalCode: filter.journalCode } : {}),
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
        })),
      );
      const failed = lists.find((list): list is Error => list instanceof Error);
      if (failed) throw failed;
      const rows = (lists as EntryRow[][]).flat();
      const entries = rows.filter((row): row is EntryRecord => !(row instanceof UpstreamBadDataError));
      // Bad entries have no place in the date order: every page of the listing names them.
      const rowErrors = rows.filter(
        (row): row is UpstreamBadDataError => row instanceof UpstreamBadDataError,
      );
      const sliced = sliceEntries(entries.sort(byDateThenId), page);
      return rowErrors.length > 0 ? { ...sliced, rowErrors } : sliced;
    },
    // `/mad/entry?id=` also matches invoice numbers: only numeric ids, and only the entry with that id.
    async getEntry(companyId, entryId) {
      if (!/^\d+$/.test(entryId)) return null;
      const entry = await loaders.entry.load({ companyId, entryId });
      if (entry?.producerId !== entryId) return null;
      // Mapped once per request, so the same entry asked twice is the same record.
      const mapped = entryRecords.get(entry) ?? entryFromMad(companyId, entry);
      entryRecords.set(entry, mapped);
      return mapped;
    },
    // Through its entry (the same loader as `getEntry`): MAD has no lookup of one movement.
    async getMovement(companyId, nativeId) {
      const id = parseMovementNativeId(nativeId);
      if (!id) return null;
      const entry = await loaders.entry.load({ companyId, entryId: id.entryId });
      return entry?.producerId === id.entryId ? movementOfMadEntry(companyId, entry, id.movementId) : null;
    },

    async listMovements(
      companyId: string,
      filter: MovementFilter,
      page: PageRequest,
    ): Promise<Page<MovementRecord>> {
      return pageMovements(
        await movementSlices(companyId, filter),
        // No request signal here: a cached slice download may be shared with other requests.
        (slice) => {
          const upstream = sliceFilter(filter, slice);
          return cache.get(filterKey(companyId, upstream), () =>
            fetchMovementSlice(client, companyId, upstream),
          );
        },
        page,
      );
    },

    listAccounts: (companyId) => fetchAccounts(client, companyId, signal),
    listJournals: (companyId) => fetchJournals(client, companyId, signal),
    providerBalance: async (companyId, period) =>
      fetchBalance(client, companyId, await loaders.exercises.load(companyId), period, signal),

    // Bulk exports: one streamed call for the whole period, validated item by item, never held whole.
    streamMovements: (companyId, filter, streamSignal) =>
      streamMovements(client, companyId, filter, streamSignal ?? signal),
    streamEntries: (companyId, filter, streamSignal) =>
      streamEntries(client, companyId, filter, streamSignal ?? signal),
  };
}

export function createMyUnisoftConnector(
  account: MyUnisoftAccount,
  deps: ConnectorDeps,
  options: MyUnisoftConnectorOptions = {},
): ProviderConnector {
  const client = new MyUnisoftClient(account, deps);
  const cache = new MovementWindowCache(options.movementCache);
  return {
    provider: 'MYUNISOFT',
    capabilities: CAPABILITIES,
    openSession: (session) => openSession(client, cache, session.signal, deps.onLoaderBatch),
    close: () => client.close(),
  };
}
