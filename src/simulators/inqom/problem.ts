/**
 * Inqom does not document its error bodies. The simulator answers ASP.NET Core's ProblemDetails
 * (the API runs on Azure App Service, .NET), in this one place so the choice is easy to correct.
 * The token endpoint is an OAuth2 server and answers `{ error, error_description }` instead.
 */
import type { FastifyReply } from 'fastify';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

export function sendProblem(reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: `https://httpstatuses.io/${status}`, title: TITLES[status] ?? 'Error', status, detail });
}

export function sendOAuthError(
  reply: FastifyReply,
  status: 400 | 401,
  error: string,
  description: string,
): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}
