/**
 * The key signing a tenant's access tokens and download links. Threat: a leaked token or link staying
 * usable. Each tenant has its own key, so rotating `tenants[].tokenSigningKey` revokes every token and
 * link of that tenant at once, and a key of one tenant can never sign for another.
 */
import { createHmac } from 'node:crypto';
import type { TenantConfig } from '../config';

export function tenantSigningKey(signingSecret: string, tenant: TenantConfig): string {
  if (tenant.tokenSigningKey) return tenant.tokenSigningKey;
  return createHmac('sha256', signingSecret).update(`tenant-tokens\0${tenant.id}`).digest('base64url');
}
