/**
 * Tokens of the gateway's export download links (`/exports/<token>`). Threat: a link leaking (logs,
 * chat) to someone outside the tenant. The token is signed, expires, and names its tenant; the
 * route also demands an API key of that same tenant, so a leaked link alone downloads nothing.
 */
import { z } from 'zod';
import { PROVIDERS, type ProviderName } from './model';
import { signToken, verifyToken } from './signed-token';

const PURPOSE = 'export-download';
/** Links stay valid for a day: long enough to hand over, short enough to bound a leak. */
export const EXPORT_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface ExportDownload {
  tenantId: string;
  provider: ProviderName;
  companyId: string;
  downloadRef: string;
  /** Expiry, epoch ms. */
  expiresAt: number;
}

const shape = z.object({
  t: z.string(),
  p: z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]),
  c: z.string(),
  r: z.string(),
  e: z.number().int(),
});

export function signExportDownload(secret: string, download: ExportDownload): string {
  return signToken(secret, PURPOSE, {
    t: download.tenantId,
    p: download.provider,
    c: download.companyId,
    r: download.downloadRef,
    e: download.expiresAt,
  });
}

/** The download a token names, or null when it is forged, malformed or expired. */
export function verifyExportDownload(secret: string, token: string, now = Date.now()): ExportDownload | null {
  const parsed = shape.safeParse(verifyToken(secret, PURPOSE, token));
  if (!parsed.success || parsed.data.e <= now) return null;
  const { t, p, c, r, e } = parsed.data;
  return { tenantId: t, provider: p, companyId: c, downloadRef: r, expiresAt: e };
}
