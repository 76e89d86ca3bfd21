/** Per-session DataLoaders: Jepilote lists companies in one call, so every company lookup shares it. */
import DataLoader from 'dataloader';
import type { JepiloteClient } from './client';
import type { JepiloteCompany } from './schemas';

export interface JepiloteLoaders {
  /** One key (`all`): the account's companies, fetched at most once per request. */
  companies: DataLoader<'all', JepiloteCompany[]>;
}

export function createJepiloteLoaders(client: JepiloteClient, signal?: AbortSignal): JepiloteLoaders {
  return {
    companies: new DataLoader(
      async (keys) => {
        const companies = await client.listCompanies(signal);
        return keys.map(() => companies);
      },
      { maxBatchSize: 1 },
    ),
  };
}
