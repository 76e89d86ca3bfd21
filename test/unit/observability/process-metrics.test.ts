/**
 * The process's metrics are started once per process and appended to every gateway's scrape; a gateway
 * dropped after being scraped is collectable (prom-client's default collectors, which cannot be stopped,
 * used to keep every gateway's registry, gauges and window cache reachable).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { WindowCache } from '../../../src/cache/window-cache';
import { GatewayMetrics } from '../../../src/observability/gateway-metrics';
import { processMetrics } from '../../../src/observability/process-metrics';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Sample lines (not HELP/TYPE) of `name` in a scrape. */
const samples = (text: string, name: string) =>
  text.split('\n').filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));

describe('process metrics', () => {
  it('are started once and appear once in each gateway’s scrape, beside its own metrics', async () => {
    const first = new GatewayMetrics();
    const second = new GatewayMetrics();
    first.graphqlRequests.inc({ operation: 'A', outcome: 'success' });
    const [a, b] = await Promise.all([first.expose(), second.expose()]);
    expect(processMetrics()).toBe(processMetrics());
    for (const { body } of [a, b]) {
      expect(samples(body, 'process_cpu_user_seconds_total')).toHaveLength(1);
      expect(samples(body, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    }
    expect(samples(a.body, 'graphql_requests_total')).toHaveLength(1);
    expect(samples(b.body, 'graphql_requests_total')).toEqual([]);
    expect(a.contentType).toMatch(/^text\/plain/);
  });

  it('do not keep a scraped gateway’s metrics and window cache alive', async () => {
    const scrapedThenDropped = async () => {
      const metrics = new GatewayMetrics();
      const cache = new WindowCache({ maxBytes: 1024 * 1024 });
      metrics.observeWindowCache(cache);
      await metrics.expose();
      return { metrics: new WeakRef(metrics), cache: new WeakRef(cache) };
    };
    const refs = await scrapedThenDropped();
    // A WeakRef holds its target until the job that read it ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(refs.metrics.deref()).toBeUndefined();
    expect(refs.cache.deref()).toBeUndefined();
  });
});
