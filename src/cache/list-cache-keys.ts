/**
 * Keys of the cached read-mostly lists. Every key starts with the tenant, so two tenants never share
 * an entry even when their accounts see the same company; ids are URI-encoded so a `:` in a provider
 * id cannot forge another key.
 */
import type { ProviderName } from '../domain/model';

const part = (value: string) => encodeURIComponent(value);

export const listCacheKeys = {
  companies: (tenantId: string, provider: ProviderName) =>
    `tenant:${part(tenantId)}:cache:${provider}:companies`,
  exercises: (tenantId: string, provider: ProviderName, companyId: string) =>
    `tenant:${part(tenantId)}:cache:${provider}:company:${part(companyId)}:exercises`,
};

/** Every cached key about one company: what a mutation on that company invalidates. */
export const companyCacheKeys = (tenantId: string, provider: ProviderName, companyId: string): string[] => [
  listCacheKeys.exercises(tenantId, provider, companyId),
];
