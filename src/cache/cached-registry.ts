/**
 * The connector registry with the list cache applied: each session a connector opens is wrapped by
 * withListCache, scoped to the connector's tenant. Built once per gateway, in the HTTP app.
 */
import type { ProviderName } from '../domain/model';
import type { ConnectorRegistry } from '../providers/registry';
import type { ProviderConnector } from '../providers/types';
import { withListCache } from './cached-session';
import type { StoreTtlCache } from './store-ttl-cache';

function cachedConnector(
  connector: ProviderConnector,
  cache: StoreTtlCache,
  tenantId: string,
): ProviderConnector {
  return {
    provider: connector.provider,
    capabilities: connector.capabilities,
    openSession: (deps) => withListCache(connector.openSession(deps), { cache, tenantId }),
    close: () => connector.close(),
  };
}

export function withListCaches(registry: ConnectorRegistry, cache: StoreTtlCache): ConnectorRegistry {
  const wrapped = new Map<string, ReadonlyMap<ProviderName, ProviderConnector>>();
  for (const [tenantId, connectors] of registry) {
    const byProvider = new Map<ProviderName, ProviderConnector>();
    for (const [provider, connector] of connectors)
      byProvider.set(provider, cachedConnector(connector, cache, tenantId));
    wrapped.set(tenantId, byProvider);
  }
  return wrapped;
}
