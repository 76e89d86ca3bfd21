/**
 * GraphQL over HTTP status of a request error (parse, validation, variable coercion, argument error:
 * no `data`, nothing executed): 400 in `application/graphql-response+json`, but 200 in
 * `application/json`, whose legacy clients only read the body of a 200 (the spec's SHOULD, audited by
 * graphql-http). A limit exceeded (`extensions.limit`) and a broken transport keep their 4xx in both.
 */
import type { FastifyInstance } from 'fastify';

const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

interface ErrorBody {
  data?: unknown;
  errors?: { extensions?: { code?: unknown; limit?: unknown } }[];
}

function isRequestError(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body) || 'data' in body) return false;
  const errors = (body as ErrorBody).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)) && e.extensions?.limit === undefined,
    )
  );
}

export function useJsonRequestErrorStatus(scope: FastifyInstance): void {
  scope.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode !== 400 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    try {
      if (isRequestError(JSON.parse(payload))) reply.code(200);
    } catch {
      // Not JSON: nothing to judge.
    }
    return payload;
  });
}
