/**
 * Tokens of bulk export download links (`/bulk-exports/<token>`). Threat: a link leaking outside the
 * tenant. The token is signed, expires with the file, and names its tenant; the route also demands an
 * API key of that tenant, so a leaked link alone downloads nothing.
 */
import { z } from 'zod';
import { signToken, verifyToken } from '../domain/signed-token';

const PURPOSE = 'bulk-export-download';
const shape = z.object({ t: z.string(), i: z.string(), e: z.number().int() });

export interface BulkDownload {
  tenantId: string;
  exportId: string;
  /** Expiry, epoch ms. */
  expiresAt: number;
}

export const signBulkDownload = (secret: string, d: BulkDownload): string =>
  signToken(secret, PURPOSE, { t: d.tenantId, i: d.exportId, e: d.expiresAt });

/** The download a token names, or null when forged, malformed or expired. */
export function verifyBulkDownload(secret: string, token: string, now = Date.now()): BulkDownload | null {
  const parsed = shape.safeParse(verifyToken(secret, PURPOSE, token));
  if (!parsed.success || parsed.data.e <= now) return null;
  return { tenantId: parsed.data.t, exportId: parsed.data.i, expiresAt: parsed.data.e };
}
