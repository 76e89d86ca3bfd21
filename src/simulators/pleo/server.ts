/**
 * The Pleo Export API simulator. The same routes are served under v1 (deprecated), v2 and v3, as Pleo
 * does; accounting entries live under v1 only. See lifecycle.ts for how jobs move over time.
 */
import type { FastifyInstance } from 'fastify';
import { startSimulatorServer, type SimulatorServer } from '../http-kit';
import type { SimulatorOptions } from '../types';
import { ownerFromAuthorization } from './auth';
import { installErrorShape, sendError } from './replies';
import { accountingEntryRoutes } from './routes/accounting-entries';
import { exportItemRoutes } from './routes/export-items';
import { exportJobEventRoutes } from './routes/export-job-events';
import { exportJobItemRoutes } from './routes/export-job-items';
import { exportJobRoutes } from './routes/export-jobs';
import { fileRoutes } from './routes/files';
import { createPleoState, type PleoState } from './state';

export const PLEO_API_VERSIONS = ['v1', 'v2', 'v3'] as const;

async function authenticatedApi(app: FastifyInstance, state: PleoState): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    if (!ownerFromAuthorization(request.headers.authorization)) {
      return sendError(
        reply,
        401,
        'UNAUTHORIZED',
        'Send "Authorization: Bearer <token>" or Basic auth with your API key.',
      );
    }
  });
  for (const version of PLEO_API_VERSIONS) {
    await app.register(
      async (versioned) => {
        await versioned.register(exportJobRoutes(state));
        await versioned.register(exportJobItemRoutes(state));
        await versioned.register(exportJobEventRoutes(state));
        await versioned.register(exportItemRoutes(state));
      },
      { prefix: `/${version}` },
    );
  }
  await app.register(accountingEntryRoutes(state), { prefix: '/v1' });
}

export async function createPleoSimulator(options: SimulatorOptions): Promise<SimulatorServer> {
  const state = createPleoState(options);
  return startSimulatorServer('pleo', options, async (app) => {
    installErrorShape(app);
    app.get('/__admin/export-job-events', async () => state.appliedEvents);
    await app.register(fileRoutes(state));
    await app.register((api) => authenticatedApi(api, state));
  });
}
