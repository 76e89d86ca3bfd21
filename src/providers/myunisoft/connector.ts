/**
 * The MyUnisoft connector: companies (societies), exercises (MAD), entries (legacy `POST /entries`,
 * paged by the gateway over the provider's full answer), one entry or movement (`/mad/entry`; an entry a
 * movement page showed, from that page's slice when it proves it whole: slice-entries.ts; a ledger
 * page's, from one `/mad/entries` call per cluster of their dates: dated-entries.ts) and movements
 * (MAD, slices — date windows sized from density, or an exercise's validated then draft windows — parsed
 * as streams). Entries and movement slices are served from listing snapshots on the shared store
 * (src/cache/listing-snapshots.ts), bad rows kept in them as markers: later pages cost no upstream call. For bulk exports, a whole exercise of movements from MyUnisoft's asynchronous full export
 * (full-export.ts), other periods of movements or entries streamed from MAD. Entry attachments are not
 * mapped to documents: `documentIds` stays empty and DOCUMENTS is not a capability.
 */
import type { Capability, EntryRecord, MovementRecord } from '../../domain/model';
import { NotFoundError, UpstreamBadDataError } from '../../errors';
import { ListingSnapshots, type SnapshotWriter } from '../../cache/listing-snapshots';
import { movementRowFormat } from '../../cache/list-record-schemas';
import { entryRowFormat } from '../../cache/entry-row-format';
import { toSnapshotRow, type SnapshotRow } from '../../cache/snapshot-rows';
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
import { streamEntries } from './entry-stream';
import { DatedEntries } from './dated-entries';
import { bulkMovements, type FullExportOptions } from './full-export';
import { byDateThenId, pageEntries } from './entry-pages';
import { streamMovementRows, streamMovements } from './movement-stream';
import { filterKey, pageMovements, parseMovementToken } from './movements';
import { fetchAccounts, fetchBalance, fetchJournals } from './chart';
import { firstSlice, nextSlice, sliceFilter, slicePlan, type MovementSlice } from './movement-slices';
import { scopeOnlySignal } from '../resilience/upstream-scope';
import { SliceEntries } from './slice-entries';

const CAPABILITIES: readonly Capability[] = ['EXERCISES', 'ENTRIES', 'MOVEMENTS'];
const ALL_CODES = Object.keys(ENTRY_TYPE_BY_CODE) as LegacyEntryCode[];

export interface MyUnisoftConnectorOptions {
  /** Clock of the listing snapshots and of the token's route list (tests); default Date.now. */
  now?: () => number;
  /** Polling of the asynchronous full export bulk exports use (defaults in full-export.ts). */
  fullExport?: FullExportOptions;
}

function openSession(
  client: MyUnisoftClient,
  snapshots: ListingSnapshots,
  fullExport: FullExportOptions,
  signal?: AbortSignal,
  onLoaderBatch?: LoaderBatchListener,
): ProviderSession {
  const loaders: MyUnisoftLoaders = createMyUnisoftLoaders(client, signal, onLoaderBatch);
  const entryRecords = new WeakMap<MadEntry, EntryRecord>();
  const sliceEntries = new SliceEntries(({ listing, snapshot }) =>
    snapshots.settled(listing, snapshot, movementRowFormat),
  );
  const datedEntries = new DatedEntries((companyId, from, to) =>
    streamEntries(client, companyId, { from, to }, signal),
  );

  // An exercise's slices walk its own dates (the schema layer allows an exercise or from/to, not both).
  const exercisePeriod = async (companyId: string, filter: MovementFilter) => {
    if (!filter.exerciseId) return { from: filter.from!, to: filter.to! };
    const exercise = (await loaders.exercises.load(companyId)).find(
      (e) => e.providerId === filter.exerciseId,
    );
    if (!exercise) throw new NotFoundError('Exercise', 'filter.exerciseId');
    return { from: exercise.startDate, to: exercise.endDate };
  };

  return {
    provider: 'MYUNISOFT',
    capabilities: CAPABILITIES,
    // Every company-scoped route names the society (`society-id`, or the company token's own), and
    // MyUnisoft refuses one out of the token's reach (ERR-FOLDER-NOT-FOUND).
    scopedCallsProveCompany: true,
    listCompanies: () => loaders.societies.load('all'),
    getCompany: async (companyId) =>
      (await loaders.societies.load('all')).find((c) => c.providerId === companyId) ?? null,
    listExercises: (companyId) => loaders.exercises.load(companyId),
    getExercise: async (companyId, exerciseId) =>
      (await loaders.exercises.load(companyId)).find((e) => e.providerId === exerciseId) ?? null,

    // A type filter asks MyUnisoft for that type only; without one, the six lists are merged in date order.
    async listEntries(companyId: string, filter: EntryFilter, page: PageRequest) {
      const codes = filter.type ? [CODE_BY_ENTRY_TYPE[filter.type]] : ALL_CODES;
      const listing = JSON.stringify([
        'entries',
        companyId,
        codes,
        filter.journalCode,
        filter.from,
        filter.to,
      ]);
      return pageEntries(
        snapshots,
        listing,
        entryRowFormat,
        async (write) => {
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
          const bad: SnapshotRow<EntryRecord>[] = [];
          const entries: EntryRecord[] = [];
          for (const list of lists as EntryRow[][])
            for (const row of list)
              if (row instanceof UpstreamBadDataError) bad.push(toSnapshotRow<EntryRecord>(row));
              else entries.push(row);
          // Bad entries have no place in the date order: stored first, named by every page (entry-pages.ts).
          await write(bad.concat(entries.sort(byDateThenId)));
        },
        page,
      );
    },
    // `/mad/entry?id=` also matches invoice numbers: only numeric ids, and only the entry with that id.
    // An entry a movement page of this request showed comes from its slice when that proves it whole.
    async getEntry(companyId, entryId) {
      if (!/^\d+$/.test(entryId)) return null;
      const fromSlice = await sliceEntries.entry(companyId, entryId);
      if (fromSlice) return fromSlice;
      const dated = await datedEntries.entry(companyId, entryId);
      if (dated) return dated;
      const entry = await loaders.entry.load({ companyId, entryId });
      if (entry?.producerId !== entryId) return null;
      // Mapped once per request, so the same entry asked twice is the same record.
      const mapped = entryRecords.get(entry) ?? entryFromMad(companyId, entry);
      entryRecords.set(entry, mapped);
      return mapped;
    },
    // A ledger page's entries, by their dates: one `/mad/entries` call per cluster (dated-entries.ts).
    expectEntries: (companyId, entries) => datedEntries.expect(companyId, entries),
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
      const token = parseMovementToken(page.after);
      // A cursor carries its period: later pages need no exercise lookup.
      const { from, to } = token
        ? { from: token.periodStart, to: token.periodEnd }
        : await exercisePeriod(companyId, filter);
      const plan = slicePlan(filter, from, to);
      // The snapshot's key is the slice's own upstream filter: equal slices of two listings share it.
      const listing = (slice: MovementSlice) =>
        `movements|${filterKey(companyId, sliceFilter(filter, slice))}`;
      const downloadSlice =
        (slice: MovementSlice) => async (write: SnapshotWriter<SnapshotRow<MovementRecord>>) => {
          const upstream = sliceFilter(filter, slice);
          const scoped = scopeOnlySignal(signal);
          for await (const batch of streamMovementRows(client, companyId, upstream, scoped))
            await write(batch.map(toSnapshotRow));
        };
      return pageMovements(
        {
          plan,
          first: firstSlice(plan),
          next: (slice, count) => nextSlice(plan, slice, count),
          open: (slice, id, need) => snapshots.open(listing(slice), id, movementRowFormat, need),
          // No request signal here: a slice's download may be shared with other requests (the
          // starting request's upstream scope still counts it).
          load: (slice, ownId, need) =>
            snapshots.load(listing(slice), movementRowFormat, downloadSlice(slice), ownId, need),
          head: (slice, rows) =>
            snapshots.loadHead(listing(slice), movementRowFormat, downloadSlice(slice), rows),
          served: (slice, snapshot, movements) =>
            sliceEntries.served(
              companyId,
              sliceFilter(filter, slice),
              { listing: listing(slice), snapshot },
              movements,
            ),
        },
        token,
        page.first,
      );
    },

    listAccounts: (companyId) => fetchAccounts(client, companyId, signal),
    listJournals: (companyId) => fetchJournals(client, companyId, signal),
    providerBalance: async (companyId, period) =>
      fetchBalance(client, companyId, await loaders.exercises.load(companyId), period, signal),

    // Bulk exports: a whole exercise from MyUnisoft's full export (polled: only a background export waits
    // for it), else one streamed call for the whole period; validated item by item, never held whole.
    streamMovements: (companyId, filter, streamSignal, options) =>
      options?.bulk
        ? bulkMovements(client, companyId, filter, fullExport, streamSignal ?? signal)
        : streamMovements(client, companyId, filter, streamSignal ?? signal),
    streamEntries: (companyId, filter, streamSignal) =>
      streamEntries(client, companyId, filter, streamSignal ?? signal),
  };
}

export function createMyUnisoftConnector(
  account: MyUnisoftAccount,
  deps: ConnectorDeps,
  options: MyUnisoftConnectorOptions = {},
): ProviderConnector {
  const client = new MyUnisoftClient(account, deps, options.now);
  const snapshots = new ListingSnapshots({
    store: deps.store,
    tenantId: deps.tenantId,
    ...(deps.snapshotTtlMs !== undefined ? { ttlMs: deps.snapshotTtlMs } : {}),
    ...(deps.windowCache ? { windows: deps.windowCache } : {}),
    ...(deps.snapshotChunksInStore !== undefined ? { chunksInStore: deps.snapshotChunksInStore } : {}),
    ...(deps.reuseSnapshots !== undefined ? { reuse: deps.reuseSnapshots } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    provider: 'MYUNISOFT',
    capabilities: CAPABILITIES,
    openSession: (session) =>
      openSession(client, snapshots, options.fullExport ?? {}, session.signal, deps.onLoaderBatch),
    close: () => client.close(),
  };
}
