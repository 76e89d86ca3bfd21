/**
 * Tokens signed with one tenant's key (access tokens, download links): `<tenant id>.<payload>.<mac>`.
 * The tenant id travels in clear only to pick the key; the payload names it again under the MAC, so
 * editing the prefix to another tenant fails verification. Threat: a token of one tenant being
 * replayed in another's, or outliving a rotation of the tenant's key (tenant-signing-key.ts).
 */
import type { TenantConfig } from '../config';
import { signToken, verifyToken } from '../domain/signed-token';
import { tenantSigningKey } from './tenant-signing-key';

export interface TenantLookup {
  byId(tenantId: string): TenantConfig | undefined;
}

export function signTenantToken(
  signingSecret: string,
  tenant: TenantConfig,
  purpose: string,
  value: Record<string, unknown>,
): string {
  return `${tenant.id}.${signToken(tenantSigningKey(signingSecret, tenant), purpose, { ...value, t: tenant.id })}`;
}

/** The tenant and the signed value, or null when the token is malformed, forged or of an unknown tenant. */
export function verifyTenantToken(
  signingSecret: string,
  tenants: TenantLookup,
  purpose: string,
  token: string,
): { tenant: TenantConfig; value: Record<string, unknown> } | null {
  const dot = token.indexOf('.');
  const tenant = dot > 0 ? tenants.byId(token.slice(0, dot)) : undefined;
  if (!tenant) return null;
  const value = verifyToken(tenantSigningKey(signingSecret, tenant), purpose, token.slice(dot + 1));
  if (typeof value !== 'object' || value === null || (value as { t?: unknown }).t !== tenant.id) return null;
  return { tenant, value: value as Record<string, unknown> };
}
