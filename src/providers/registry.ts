/**
 * Builds the provider connectors of every tenant: one per configured provider account, built once
 * and shared across that tenant's requests (HTTP pools, token caches). Tests may inject connectors.
 */
import type { GatewayConfig, ProviderAccounts, TenantConfig } from '../config';
import { PROVIDERS, type ProviderName } from '../domain/model';
import type { ConnectorDeps, ProviderConnector } from './types';

/** Returns a connector to use instead of the configured one (tests, fakes), or undefined. */
export type ConnectorOverrides = (tenantId: string, provider: ProviderName) => ProviderConnector | undefined;

/** tenant id → provider → connector. */
export type ConnectorRegistry = ReadonlyMap<string, ReadonlyMap<ProviderName, ProviderConnector>>;

type Account<K extends keyof ProviderAccounts> = NonNullable<ProviderAccounts[K]>;

/**
 * Connector modules are loaded only when a config uses them, so a gateway built with injected
 * connectors (tests) never loads provider code it does not need.
 */
async function buildConfigured(
  provider: ProviderName,
  accounts: ProviderAccounts,
  deps: ConnectorDeps,
): Promise<ProviderConnector | undefined> {
  switch (provider) {
    case 'JEPILOTE': {
      if (!accounts.jepilote) return undefined;
      const { createJepiloteConnector } = await import('./jepilote/connector');
      return createJepiloteConnector(accounts.jepilote satisfies Account<'jepilote'>, deps);
    }
    case 'MYUNISOFT': {
      if (!accounts.myunisoft) return undefined;
      const { createMyUnisoftConnector } = await import('./myunisoft/connector');
      return createMyUnisoftConnector(accounts.myunisoft satisfies Account<'myunisoft'>, deps);
    }
    case 'INQOM': {
      if (!accounts.inqom) return undefined;
      const { createInqomConnector } = await import('./inqom/connector');
      return createInqomConnector(accounts.inqom satisfies Account<'inqom'>, deps);
    }
    case 'PLEO': {
      if (!accounts.pleo) return undefined;
      const { createPleoConnector } = await import('./pleo/connector');
      return createPleoConnector(accounts.pleo satisfies Account<'pleo'>, deps);
    }
  }
}

export interface RegistryOptions {
  config: GatewayConfig;
  deps: Omit<ConnectorDeps, 'tenantId'>;
  overrides?: ConnectorOverrides;
}

export async function buildConnectorRegistry({
  config,
  deps,
  overrides,
}: RegistryOptions): Promise<ConnectorRegistry> {
  const registry = new Map<string, Map<ProviderName, ProviderConnector>>();
  for (const tenant of config.tenants)
    registry.set(tenant.id, await buildTenantConnectors(tenant, deps, overrides));
  return registry;
}

async function buildTenantConnectors(
  tenant: TenantConfig,
  deps: RegistryOptions['deps'],
  overrides?: ConnectorOverrides,
) {
  const connectors = new Map<ProviderName, ProviderConnector>();
  for (const provider of PROVIDERS) {
    const connector =
      overrides?.(tenant.id, provider) ??
      (await buildConfigured(provider, tenant.providers, { ...deps, tenantId: tenant.id }));
    if (connector) connectors.set(provider, connector);
  }
  return connectors;
}

/** Closes every connector once (an override may be shared between tenants). */
export async function closeConnectorRegistry(registry: ConnectorRegistry): Promise<void> {
  const all = new Set([...registry.values()].flatMap((byProvider) => [...byProvider.values()]));
  await Promise.allSettled([...all].map((connector) => connector.close()));
}
