/**
 * DataLoader batch sizes, for the `dataloader_batch_size` metric: every provider loader factory wraps
 * its batch function here, so a loader that stops batching (size 1 under load) shows on a dashboard.
 */
import type { BatchLoadFn } from 'dataloader';

/** Called once per dispatched batch with the loader's name (e.g. `pleo.entry`) and its key count. */
export type LoaderBatchListener = (loader: string, size: number) => void;

/** `batch`, reporting each batch's size to `listener` first; `batch` itself when there is none. */
export function observeBatches<K, V>(
  loader: string,
  batch: BatchLoadFn<K, V>,
  listener: LoaderBatchListener | undefined,
): BatchLoadFn<K, V> {
  if (!listener) return batch;
  return (keys) => {
    listener(loader, keys.length);
    return batch(keys);
  };
}
