import type { FastifyInstance } from 'fastify';

/** Liveness probe: answers 200 while the process serves HTTP (no upstream call). */
export function healthzRoute(app: FastifyInstance): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
}
