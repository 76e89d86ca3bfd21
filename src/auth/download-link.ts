/**
 * Download links (`/exports/…`, `/documents/…`, `/thumbnails/…`, `/bulk-exports/…`): one rule for
 * all of them. A link is a gateway URL whose path carries a token signed with the tenant's key, so it
 * works as a plain GET (an `<a href>`, curl) with no header. Threat: a link leaking (logs, chat, Referer). It names one
 * file of one tenant (it cannot be edited to reach another), expires within the hour (and never
 * outlives the access token that asked for it), and dies with a rotation of the tenant's key.
 */
import { z } from 'zod';
import type { TenantConfig } from '../config';
import { PROVIDERS, type ProviderName } from '../domain/model';
import { signTenantToken, verifyTenantToken, type TenantLookup } from './tenant-token';

/** Links last an hour, rounded up to 5 minutes so one file keeps one link for a while. */
export const DOWNLOAD_LINK_TTL_MS = 60 * 60 * 1000;
const ROUNDING_MS = 5 * 60 * 1000;

/** What a link downloads: a provider's export file, document or thumbnail, or a bulk export of the gateway. */
export type DownloadTarget =
  | { kind: 'EXPORT' | 'DOCUMENT' | 'THUMBNAIL'; provider: ProviderName; companyId: string; ref: string }
  | { kind: 'BULK'; exportId: string };
export type DownloadKind = DownloadTarget['kind'];

/** The route path of each kind of link. */
export const DOWNLOAD_PATHS: Record<DownloadKind, string> = {
  EXPORT: '/exports',
  DOCUMENT: '/documents',
  THUMBNAIL: '/thumbnails',
  BULK: '/bulk-exports',
};

const providerFile = z.object({
  p: z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]),
  c: z.string(),
  r: z.string(),
  e: z.number().int(),
});
const bulkFile = z.object({ i: z.string(), e: z.number().int() });

export interface DownloadLink {
  url: string;
  /** Expiry, epoch ms. */
  expiresAt: number;
}

/** When a link made at `now` expires: in an hour, or at `notAfter` if sooner. */
export function downloadLinkExpiry(now: number, notAfter = Infinity): number {
  return Math.min(Math.ceil((now + DOWNLOAD_LINK_TTL_MS) / ROUNDING_MS) * ROUNDING_MS, notAfter);
}

export function signDownloadLink(
  signingSecret: string,
  tenant: TenantConfig,
  baseUrl: string,
  target: DownloadTarget,
  expiresAt: number,
): DownloadLink {
  const value =
    target.kind === 'BULK'
      ? { i: target.exportId, e: expiresAt }
      : { p: target.provider, c: target.companyId, r: target.ref, e: expiresAt };
  const token = signTenantToken(signingSecret, tenant, `download:${target.kind}`, value);
  return { url: `${baseUrl}${DOWNLOAD_PATHS[target.kind]}/${token}`, expiresAt };
}

/** The tenant and target a link token of `kind` names, or null when forged, malformed, foreign or expired. */
export function verifyDownloadLink(
  signingSecret: string,
  tenants: TenantLookup,
  kind: DownloadKind,
  token: string,
  now: number,
): { tenant: TenantConfig; target: DownloadTarget } | null {
  const verified = verifyTenantToken(signingSecret, tenants, `download:${kind}`, token);
  if (!verified) return null;
  if (kind === 'BULK') {
    const parsed = bulkFile.safeParse(verified.value);
    if (!parsed.success || parsed.data.e <= now) return null;
    return { tenant: verified.tenant, target: { kind, exportId: parsed.data.i } };
  }
  const parsed = providerFile.safeParse(verified.value);
  if (!parsed.success || parsed.data.e <= now) return null;
  const { p, c, r } = parsed.data;
  return { tenant: verified.tenant, target: { kind, provider: p, companyId: c, ref: r } };
}
