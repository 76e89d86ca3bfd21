/** MyUnisoft's error envelope: every failure answers `{ error: { code, message, details } }`. */
import type { FastifyError, FastifyInstance } from 'fastify';

export class MyUnisoftError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new MyUnisoftError(400, code, message, details);

/** Formats thrown MyUnisoftErrors, Fastify's own errors and unknown routes as the envelope. */
export function registerErrorEnvelope(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | MyUnisoftError, _request, reply) => {
    if (error instanceof MyUnisoftError) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const code = status === 400 ? 'ERR-BAD-REQUEST' : 'ERR-INTERNAL';
    return reply.code(status).send({ error: { code, message: error.message, details: {} } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'ERR-ROUTE-NOT-FOUND',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
        details: {},
      },
    }),
  );
}
