/**
 * The Jepilote connector: companies and FEC / ACD exports of Jepilote API v2. Built once per
 * configured account (one HTTP pool, one token cache); each GraphQL request opens its own session.
 */
import type { ConnectorDeps, ProviderConnector } from '../types';
import { JepiloteClient, type JepiloteAccount } from './client';
import { JepiloteJobLog } from './job-log';
import { JEPILOTE_CAPABILITIES, createJepiloteSession } from './session';

export function createJepiloteConnector(account: JepiloteAccount, deps: ConnectorDeps): ProviderConnector {
  const client = new JepiloteClient(account, deps);
  const jobs = new JepiloteJobLog(deps.store, deps.tenantId);
  return {
    provider: 'JEPILOTE',
    capabilities: JEPILOTE_CAPABILITIES,
    openSession: (session) => createJepiloteSession(client, jobs, session, deps.onLoaderBatch),
    close: () => client.close(),
  };
}
