/**
 * The Inqom connector: built once per tenant account, it owns the HTTP pools and the token cache;
 * each GraphQL request opens an InqomSession with fresh loaders. Companies are Inqom's accounting
 * folders, exercises its accounting periods, movements and entries its entry lines.
 */
import type { ConnectorDeps, ProviderConnector, SessionDeps } from '../types';
import { InqomClient, type InqomAccount } from './client';
import { INQOM_CAPABILITIES, InqomSession } from './session';

export function createInqomConnector(account: InqomAccount, deps: ConnectorDeps): ProviderConnector {
  const client = new InqomClient(account, deps);
  return {
    provider: 'INQOM',
    capabilities: INQOM_CAPABILITIES,
    openSession: (session: SessionDeps) =>
      new InqomSession(client, account.firmId, session.signal, deps.onLoaderBatch),
    close: () => client.close(),
  };
}
