/**
 * Access tokens: what a tenant's backend mints with its API key (`createAccessToken`) and hands to a
 * browser. Threat: the API key reaching a browser, or a browser's token doing more than it was given.
 * A token is signed with the tenant's key (revoked by rotating it), expires (at most a day), names the
 * scopes it may run and, optionally, the only companies it may see; it can never mint another.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { TenantConfig } from '../config';
import { PROVIDERS, type ProviderName } from '../domain/model';
import { ACCESS_SCOPES, type AccessScope } from './access-scope';
import { signTenantToken, verifyTenantToken, type TenantLookup } from './tenant-token';

const PURPOSE = 'access-token';
/** Lifetime when `ttlSeconds` is not given: 15 minutes. */
export const ACCESS_TOKEN_DEFAULT_TTL_SECONDS = 15 * 60;
/** Longest lifetime a token may be given: 24 hours. */
export const ACCESS_TOKEN_MAX_TTL_SECONDS = 24 * 60 * 60;

export interface CompanyRef {
  provider: ProviderName;
  companyId: string;
}

export interface AccessGrant {
  scopes: readonly AccessScope[];
  /** The only companies the token may see; null: every company of the tenant. */
  companies: readonly CompanyRef[] | null;
  /** Expiry, epoch ms. */
  expiresAt: number;
  /** SHA-256 (hex) of the API key that minted the token: removing it from the config revokes the token. */
  apiKeySha256: string;
}

const shape = z.object({
  s: z.array(z.enum(ACCESS_SCOPES)).min(1),
  c: z.array(z.tuple([z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]), z.string()])).nullable(),
  e: z.number().int(),
  k: z.string(),
});

/** Names the minting key in a token without showing the browser anything about the key itself. */
const keyTag = (signingSecret: string, apiKeySha256: string) =>
  createHmac('sha256', signingSecret)
    .update(`access-token-key\0${apiKeySha256}`)
    .digest('base64url')
    .slice(0, 22);

export function signAccessToken(signingSecret: string, tenant: TenantConfig, grant: AccessGrant): string {
  return signTenantToken(signingSecret, tenant, PURPOSE, {
    s: grant.scopes,
    c: grant.companies?.map((c) => [c.provider, c.companyId]) ?? null,
    e: grant.expiresAt,
    k: keyTag(signingSecret, grant.apiKeySha256),
  });
}

/**
 * The tenant and grant of a token, or null when it is forged, malformed, of an unknown tenant, expired,
 * or minted with an API key the tenant no longer lists (a key rotated out takes its tokens with it).
 */
export function verifyAccessToken(
  signingSecret: string,
  tenants: TenantLookup,
  token: string,
  now: number,
): { tenant: TenantConfig; grant: AccessGrant } | null {
  const verified = verifyTenantToken(signingSecret, tenants, PURPOSE, token);
  const parsed = shape.safeParse(verified?.value);
  if (!verified || !parsed.success || parsed.data.e <= now) return null;
  const { s, c, e, k } = parsed.data;
  const apiKeySha256 = verified.tenant.apiKeySha256.find((hash) => keyTag(signingSecret, hash) === k);
  if (apiKeySha256 === undefined) return null;
  const companies = c?.map(([provider, companyId]) => ({ provider, companyId })) ?? null;
  return { tenant: verified.tenant, grant: { scopes: s, companies, expiresAt: e, apiKeySha256 } };
}

/**
 * The tenant as a token naming `companies` sees it: its allowlist narrowed to them, so every existing
 * allowlist check (lists, ids, cursors, links) treats the other companies as nonexistent.
 */
export function narrowTenant(tenant: TenantConfig, companies: readonly CompanyRef[] | null): TenantConfig {
  if (companies === null) return tenant;
  const narrowed: TenantConfig['companies'] = {};
  for (const provider of PROVIDERS) {
    const allowed = tenant.companies[provider];
    const named = companies.filter((c) => c.provider === provider).map((c) => c.companyId);
    narrowed[provider] =
      allowed === undefined ? [] : named.filter((id) => allowed === '*' || allowed.includes(id));
  }
  return { ...tenant, companies: narrowed };
}
