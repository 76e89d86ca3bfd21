/** Answers a request refused by a limit before Apollo runs: HTTP 400, in the GraphQL error shape. */
import type { FastifyReply } from 'fastify';
import type { LimitExceededError } from '../../errors';

export function refuseRequest(reply: FastifyReply, error: LimitExceededError): FastifyReply {
  const { code, limit, max, message } = error;
  return reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code, limit, max } }] });
}

/** The operations of a parsed `/graphql` request: a GET query string, a JSON body, or a batch of them. */
export function operationsOf(body: unknown, query: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  return [body ?? query];
}
