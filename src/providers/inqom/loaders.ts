/**
 * The DataLoaders of one session (one GraphQL request). Inqom has no batch routes, so each loader
 * issues one GET per distinct key: their job is dedupe, so one request costs one upstream call per
 * distinct resource (50 entries pointing at 10 documents cost 10 document GETs).
 */
import DataLoader from 'dataloader';
import { NotFoundError } from '../../errors';
import { observeBatches, type LoaderBatchListener } from '../observed-batch';
import type { DocumentFilter } from '../types';
import { isUpstreamStatus, type InqomClient } from './client';
import { INQOM_STATUS, TYPE_SCAN } from './map';
import { DOCUMENTS_PAGE_SIZE, inqomPaths, inqomRoutes } from './paths';
import {
  documentPageSchema,
  documentSchema,
  entryLinesCountSchema,
  entryLinesSchema,
  foldersSchema,
  periodsSchema,
  publicUrlSchema,
  type InqomDocument,
} from './schemas';

/** Concurrent GETs one loader dispatches together; the HTTP pool bounds the rest. */
const MAX_BATCH = 25;

export interface LinesWindow {
  folderId: string;
  from: string;
  to: string;
}

export interface DocumentsPageKey {
  folderId: string;
  filter: DocumentFilter;
  pageNumber: number;
}

function perKeyLoader<K, V>(
  fetchOne: (key: K) => Promise<V>,
  cacheKey: (key: K) => string,
  observe: { name: string; onBatch: LoaderBatchListener | undefined },
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    observeBatches(
      `inqom.${observe.name}`,
      (keys: readonly K[]) =>
        Promise.all(
          keys.map((key) =>
            fetchOne(key).catch((error: unknown) =>
              error instanceof Error ? error : new Error(String(error)),
            ),
          ),
        ),
      observe.onBatch,
    ),
    { maxBatchSize: MAX_BATCH, cacheKeyFn: cacheKey },
  );
}

/**
 * A folder that does not exist answers 404. A 403 is a failed authentication at Inqom, never "not
 * found": the client has already re-authenticated once and it stays an upstream error.
 */
export async function inFolder<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isUpstreamStatus(error, 404)) throw new NotFoundError('Company', 'companyId');
    throw error;
  }
}

/** A missing document (404) is null; a 403 stays an upstream error (see inFolder). */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isUpstreamStatus(error, 404)) return null;
    throw error;
  }
}

export function createInqomLoaders(
  client: InqomClient,
  firmId: string,
  signal?: AbortSignal,
  onBatch?: LoaderBatchListener,
) {
  const opt = signal ? { signal } : {};
  const named = (name: string) => ({ name, onBatch });
  const windowKey = (w: LinesWindow) => `${w.folderId}|${w.from}|${w.to}`;
  return {
    folders: perKeyLoader(
      () =>
        client.get({ path: inqomPaths.folders(firmId), route: inqomRoutes.folders, ...opt }, foldersSchema),
      () => 'all',

      named('folders'),
    ),
    periods: perKeyLoader(
      (folderId: string) =>
        inFolder(
          client.get(
            { path: inqomPaths.periods(folderId), route: inqomRoutes.periods, ...opt },
            periodsSchema,
          ),
        ),
      (folderId) => folderId,

      named('periods'),
    ),
    entryLinesPage: perKeyLoader(
      ({ folderId, from, to, pageNumber }: LinesWindow & { pageNumber: number }) =>
        inFolder(
          client.get(
            {
              path: inqomPaths.entryLines(folderId),
              route: inqomRoutes.entryLines,
              query: { startDate: from, endDate: to, pageNumber },
              ...opt,
            },
            entryLinesSchema,
          ),
        ),
      (key) => `${windowKey(key)}|${key.pageNumber}`,

      named('entryLinesPage'),
    ),
    entryLinesCount: perKeyLoader(
      ({ folderId, from, to }: LinesWindow) =>
        inFolder(
          client.get(
            {
              path: inqomPaths.entryLinesCount(folderId),
              route: inqomRoutes.entryLinesCount,
              query: { startDate: from, endDate: to },
              ...opt,
            },
            entryLinesCountSchema,
          ),
        ),
      windowKey,

      named('entryLinesCount'),
    ),
    documentsPage: perKeyLoader(
      ({ folderId, filter, pageNumber }: DocumentsPageKey) =>
        inFolder(
          client.get(
            {
              path: inqomPaths.documents(folderId),
              route: inqomRoutes.documents,
              query: {
                pageNumber,
                pageSize: DOCUMENTS_PAGE_SIZE,
                type: filter.type && TYPE_SCAN[filter.type],
                status: filter.status && INQOM_STATUS[filter.status],
                createdFrom: filter.createdFrom,
                createdTo: filter.createdTo,
              },
              ...opt,
            },
            documentPageSchema,
          ),
        ),
      (key) =>
        JSON.stringify([
          key.folderId,
          key.pageNumber,
          key.filter.type,
          key.filter.status,
          key.filter.createdFrom,
          key.filter.createdTo,
        ]),

      named('documentsPage'),
    ),
    /** Keyed `folderId/documentId`. */
    document: perKeyLoader<string, InqomDocument | null>(
      (key) => {
        const [folderId = '', documentId = ''] = key.split('/');
        return orNull(
          client.get(
            { path: inqomPaths.document(folderId, documentId), route: inqomRoutes.document, ...opt },
            documentSchema,
          ),
        );
      },
      (key) => key,
      named('document'),
    ),
    /** Keyed `folderId/documentId`; asked only when a caller selects the download URL. */
    publicUrl: perKeyLoader<string, string | null>(
      (key) => {
        const [folderId = '', documentId = ''] = key.split('/');
        return orNull(
          client.get(
            { path: inqomPaths.publicUrl(folderId, documentId), route: inqomRoutes.publicUrl, ...opt },
            publicUrlSchema,
          ),
        );
      },
      (key) => key,
      named('publicUrl'),
    ),
  };
}

export type InqomLoaders = ReturnType<typeof createInqomLoaders>;
