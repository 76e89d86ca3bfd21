/**
 * Readiness probe: 200 once the configuration is loaded (the app exists only after it validated) and,
 * when Redis is configured, Redis answers a PING in time; otherwise 503 with a fixed reason. The
 * reason never carries the store's error text: it could name the Redis host or echo a credential.
 */
import type { FastifyInstance } from 'fastify';
import type { SharedStore } from '../../store/types';

export interface ReadyzOptions {
  /** Pinged on every probe: Redis when configured (an in-memory store always answers). */
  store: SharedStore;
  /** Longest wait for the store's answer, in ms (default 1,000): a probe must answer quickly. */
  pingTimeoutMs?: number;
}

type StoreCheck = 'ok' | 'unreachable';

export function readyzRoute(app: FastifyInstance, options: ReadyzOptions): void {
  app.get('/readyz', async (_request, reply) => {
    const store = await pingStore(options);
    const checks = { config: 'ok', store };
    if (store === 'unreachable') {
      return reply
        .code(503)
        .send({ status: 'unavailable', reason: 'shared store (Redis) unreachable', checks });
    }
    return { status: 'ready', checks };
  });
}

async function pingStore({ store, pingTimeoutMs = 1_000 }: ReadyzOptions): Promise<StoreCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StoreCheck>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), pingTimeoutMs);
  });
  const ping = store.ping().then(
    (): StoreCheck => 'ok',
    (): StoreCheck => 'unreachable',
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
