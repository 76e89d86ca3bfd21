/**
 * The tenant's company allowlist. Threat: a caller naming a company (in an id, a cursor, a filter)
 * that belongs to another tenant. Every such id is checked here before any upstream call, and a
 * foreign company is reported exactly like a nonexistent one (NOT_FOUND), so nothing leaks.
 */
import type { TenantConfig } from '../config';
import type { ProviderName } from '../domain/model';
import { NotFoundError } from '../errors';

/** True when the tenant may see the company. A provider without an allowlist entry allows nothing (fail closed). */
export function isCompanyAllowed(tenant: TenantConfig, provider: ProviderName, companyId: string): boolean {
  const allowed = tenant.companies[provider];
  if (allowed === undefined) return false;
  return allowed === '*' || allowed.includes(companyId);
}

/** Throws NOT_FOUND (naming `field`) unless the tenant may see the company. */
export function assertCompanyAllowed(
  tenant: TenantConfig,
  provider: ProviderName,
  companyId: string,
  field?: string,
): void {
  if (!isCompanyAllowed(tenant, provider, companyId)) throw new NotFoundError('Company', field);
}
