/**
 * `GET /api/v1/mad/entries` as a stream of mapped entries, for bulk exports: one call for the whole
 * window (MAD has no pagination), parsed item by item. The entry type and journal filters are applied
 * here, as MAD filters journals by id only.
 */
import type { EntryRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import type { EntryFilter } from '../types';
import { MAD_VERSION, type MyUnisoftClient } from './client';
import { streamMadListing } from './mad-stream';
import { entryFromMad } from './map';
import { madEntrySchema } from './schemas';

export async function* streamEntries(
  client: MyUnisoftClient,
  companyId: string,
  filter: EntryFilter,
  signal?: AbortSignal,
): AsyncGenerator<EntryRecord[]> {
  if (!filter.from || !filter.to)
    throw new BadUserInputError('MyUnisoft streams entries of a from/to window.', 'filter.from');
  const batches = streamMadListing(client, {
    route: 'GET /api/v1/mad/entries',
    path: '/api/v1/mad/entries',
    query: { version: MAD_VERSION, startDate: filter.from, endDate: filter.to },
    companyId,
    schema: madEntrySchema,
    what: 'entry',
    map: (entry) => entryFromMad(companyId, entry),
    ...(signal ? { signal } : {}),
  });
  for await (const batch of batches) {
    yield batch.filter(
      (entry) =>
        (!filter.type || entry.type === filter.type) &&
        (!filter.journalCode || entry.journal.code === filter.journalCode),
    );
  }
}
