/**
 * Teaches a Fastify scope to read GraphQL multipart requests: the parsed `operations` (with
 * FileUploads in place) become the body Apollo sees; unread file bytes are drained once the
 * response is sent, so an upload rejected by validation does not hold the connection.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { parseGraphQLMultipart, type MultipartLimits } from './parse-multipart';

declare module 'fastify' {
  interface FastifyRequest {
    releaseUploads?: () => void;
  }
}

export function acceptGraphQLMultipart(scope: FastifyInstance, limits: MultipartLimits): void {
  scope.addContentTypeParser(
    'multipart/form-data',
    async (request: FastifyRequest, payload: IncomingMessage) => {
      const parsed = await parseGraphQLMultipart(request.headers, payload, limits);
      request.releaseUploads = () => parsed.release();
      return parsed.body;
    },
  );
  scope.addHook('onResponse', async (request) => request.releaseUploads?.());
}
