/**
 * Temporary download links, like the Azure Blob SAS URLs Inqom hands out: anyone holding one gets the
 * bytes until it expires. An expired link answers 403, as Azure Storage does for an expired SAS;
 * an unknown one 404.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StoredDocument } from './documents';
import { sendProblem } from './problem';

export const PUBLIC_FILES_PATH = '/public-files';

export class PublicUrls {
  private readonly links = new Map<string, { document: StoredDocument; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
  ) {}

  /** A new link to `document`, relative to the simulator's origin. */
  create(document: StoredDocument): string {
    const token = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + this.ttlSeconds * 1000;
    this.links.set(token, { document, expiresAt });
    const name = encodeURIComponent(document.json.OriginalName);
    return `${PUBLIC_FILES_PATH}/${token}/${name}?se=${encodeURIComponent(new Date(expiresAt).toISOString())}`;
  }

  register(app: FastifyInstance): void {
    app.get<{ Params: { token: string; name: string } }>(
      `${PUBLIC_FILES_PATH}/:token/:name`,
      async (request, reply) => {
        const link = this.links.get(request.params.token);
        if (!link) return sendProblem(reply, 404, 'no such file');
        if (link.expiresAt <= this.now()) return sendProblem(reply, 403, 'this link has expired');
        return reply
          .type(link.document.contentType)
          .header(
            'content-disposition',
            `inline; filename="${link.document.json.OriginalName.replace(/"/g, '')}"`,
          )
          .send(link.document.bytes);
      },
    );
  }
}
