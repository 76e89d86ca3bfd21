/**
 * `GET /files/{companyId}/{documentId}.pdf?expires=`: the receipt URLs export items hand out. Like
 * Pleo's pre-signed file URLs they need no Authorization header and stop working after 24 hours.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from '../replies';
import type { PleoState } from '../state';

export function fileRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { companyId: string; file: string }; Querystring: { expires?: string } }>(
      '/files/:companyId/:file',
      async (request, reply) => {
        const company = state.dataset.company('pleo', request.params.companyId);
        const document = company?.documents.find((doc) => `${doc.id}.pdf` === request.params.file);
        if (!document) return sendError(reply, 404, 'NOT_FOUND', 'File not found.');
        const expires = Number(request.query.expires);
        if (!Number.isFinite(expires) || state.now() > expires)
          return sendError(reply, 403, 'FILE_EXPIRED', 'This file URL has expired.');
        return reply.code(200).type('application/pdf').send(document.bytes);
      },
    );
  };
}
