/**
 * The Pleo connector: accounting entries and export jobs of Pleo's Export API. Built once per
 * configured account (one HTTP pool); each GraphQL request opens its own session (fresh loaders).
 */
import type { CompanyRecord } from '../../domain/model';
import type { ConnectorDeps, ProviderConnector } from '../types';
import { PleoClient, type PleoAccount } from './client';
import { PLEO_CAPABILITIES, createPleoSession } from './session';

export function createPleoConnector(account: PleoAccount, deps: ConnectorDeps): ProviderConnector {
  const client = new PleoClient(account, deps);
  const companies: CompanyRecord[] = account.companies.map((company) => ({
    provider: 'PLEO',
    providerId: company.id,
    name: company.name,
    siren: company.siren,
  }));
  return {
    provider: 'PLEO',
    capabilities: PLEO_CAPABILITIES,
    openSession: (session) => createPleoSession(client, companies, session, deps.onLoaderBatch),
    close: () => client.close(),
  };
}
