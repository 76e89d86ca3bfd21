/**
 * Per-session DataLoaders. Pleo has no batch read, so a batch is one GET per distinct key run in
 * parallel (the pool caps concurrency); what the loaders buy is dedupe within one GraphQL request.
 */
import DataLoader from 'dataloader';
import { observeBatches, type LoaderBatchListener } from '../observed-batch';
import type { PleoClient } from './client';
import { itemError } from './map';
import type { PleoAccountingEntry, PleoExportJob } from './schemas';

/** Keys per batch; each key is its own call, so this bounds one burst rather than a request size. */
const MAX_BATCH = 50;

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
const eachKey =
  <K, V>(load: (key: K) => Promise<V>) =>
  (keys: readonly K[]) =>
    Promise.all(keys.map((key) => load(key).catch(asError)));

export interface PleoLoaders {
  entry: DataLoader<string, PleoAccountingEntry | null>;
  exportJob: DataLoader<string, PleoExportJob | null>;
  /** A job's failed items as error strings. */
  jobErrors: DataLoader<string, string[]>;
}

export function createPleoLoaders(
  client: PleoClient,
  signal?: AbortSignal,
  onBatch?: LoaderBatchListener,
): PleoLoaders {
  return {
    entry: new DataLoader(
      observeBatches(
        'pleo.entry',
        eachKey((id: string) => client.getEntry(id, signal)),
        onBatch,
      ),
      { maxBatchSize: MAX_BATCH },
    ),
    exportJob: new DataLoader(
      observeBatches(
        'pleo.exportJob',
        eachKey((id: string) => client.getExportJob(id, signal)),
        onBatch,
      ),
      { maxBatchSize: MAX_BATCH },
    ),
    jobErrors: new DataLoader(
      observeBatches(
        'pleo.jobErrors',
        eachKey((id: string) => failedItemErrors(client, id, signal)),
        onBatch,
      ),
      { maxBatchSize: MAX_BATCH },
    ),
  };
}

async function failedItemErrors(client: PleoClient, jobId: string, signal?: AbortSignal): Promise<string[]> {
  return (await client.allJobItems(jobId, 'failed', signal)).map(itemError);
}
