/**
 * How the Pleo simulator answers: every body is `application/json;charset=UTF-8`, and every error has
 * ONE shape, `{ type, message }`. Pleo documents the `type` codes (EXPORT_NOT_FOUND …) but not the
 * envelope, so the envelope is this simulator's choice, kept here so it can be corrected in one place.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

export const PLEO_JSON = 'application/json;charset=UTF-8';

/** The error `type` codes the simulator answers with (documented ones first, then generic ones). */
export type PleoErrorType =
  | 'EXPORT_ALREADY_IN_PROGRESS'
  | 'MISSING_CONTRA_ACCOUNTS'
  | 'EXPORT_NOT_FOUND'
  | 'EXPORT_JOB_ITEMS_UPDATE_LIMIT'
  | 'EXPORT_JOB_STATUS_UNPROCESSABLE'
  | 'INVALID_EXPORT_JOB_STATUS_CHANGE'
  | 'ACCOUNTING_ENTRY_DOES_NOT_EXIST'
  | 'ACCOUNTING_ENTRY_NOT_FOUND'
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'FILE_EXPIRED'
  | 'INTERNAL_ERROR';

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(PLEO_JSON).send(JSON.stringify(body));
}

export function sendError(
  reply: FastifyReply,
  status: number,
  type: PleoErrorType,
  message: string,
): FastifyReply {
  return sendJson(reply, status, { type, message });
}

/** Framework-level failures (unparsable JSON, unknown route) answer in the same shape. */
export function installErrorShape(app: FastifyInstance): void {
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) return sendError(reply, status, 'INTERNAL_ERROR', 'Internal server error.');
    return sendError(reply, status, 'VALIDATION_ERROR', 'The request could not be read.');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND', 'No such route.'));
}
