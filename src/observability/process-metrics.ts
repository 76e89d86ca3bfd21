/**
 * The Node process's own metrics (prom-client's defaults: CPU, memory, heap, handles, event-loop lag,
 * GC) on one registry per process, appended to every gateway's `GET /metrics`. They describe the process,
 * not a gateway, and prom-client cannot stop them once started (an enabled event-loop-delay histogram
 * and a GC observer: prometheus/client_js#494, #500), so they are started once, at the first scrape: each
 * gateway starting its own kept every gateway ever built in the process reachable, with its caches, and a
 * process nobody scrapes pays nothing for them (the lag histogram samples the loop every 10 ms).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Registry, collectDefaultMetrics } from 'prom-client';

/** The async context this module loaded in: the collectors would otherwise keep the first scrape's request context alive. */
const atLoad = AsyncLocalStorage.snapshot();
let shared: Registry | undefined;

export function processMetrics(): Registry {
  shared ??= atLoad(() => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return registry;
  });
  return shared;
}
