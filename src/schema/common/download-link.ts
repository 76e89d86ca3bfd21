/**
 * The download links the schema hands out (`downloadUrl` + `downloadUrlExpiresAt`): signed for the
 * caller's tenant, expiring within the hour and never after the caller's access token. One link per
 * file per request, so a type's two fields always agree.
 */
import { downloadLinkExpiry, signDownloadLink, type DownloadTarget } from '../../auth/download-link';
import type { RequestContext } from '../../context';

export interface LinkFields {
  downloadUrl: string | null;
  downloadUrlExpiresAt: string | null;
}

export const NO_LINK: LinkFields = { downloadUrl: null, downloadUrlExpiresAt: null };

/** The link to `target`, expiring at `notAfter` (epoch ms) at the latest. */
export function downloadLink(
  ctx: RequestContext,
  target: DownloadTarget,
  notAfter = Infinity,
): Promise<LinkFields> {
  return ctx.once(`download-link:${JSON.stringify(target)}`, async () => {
    const tokenExpiry = ctx.caller.kind === 'ACCESS_TOKEN' ? ctx.caller.expiresAt : Infinity;
    const expiresAt = downloadLinkExpiry(ctx.now(), Math.min(notAfter, tokenExpiry));
    const link = signDownloadLink(ctx.signingSecret, ctx.tenant, ctx.publicUrl, target, expiresAt);
    return { downloadUrl: link.url, downloadUrlExpiresAt: new Date(link.expiresAt).toISOString() };
  });
}
