/** Per-session DataLoaders: Jepilote lists companies in one call, so every company lookup shares it. */
import DataLoader from 'dataloader';
import { observeBatches, type LoaderBatchListener } from '../observed-batch';
import type { JepiloteClient } from './client';
import type { JepiloteCompany } from './schemas';

export interface JepiloteLoaders {
  /** One key (`all`): the account's companies, fetched at most once per request. */
  companies: DataLoader<'all', JepiloteCompany[]>;
}

export function createJepiloteLoaders(
  client: JepiloteClient,
  signal?: AbortSignal,
  onBatch?: LoaderBatchListener,
): JepiloteLoaders {
  return {
    companies: new DataLoader(
      observeBatches<'all', JepiloteCompany[]>(
        'jepilote.companies',
        async (keys) => {
          const companies = await client.listCompanies(signal);
          return keys.map(() => companies);
        },
        onBatch,
      ),
      { maxBatchSize: 1 },
    ),
  };
}
