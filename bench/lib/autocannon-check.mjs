// Cross-check of the load loop with autocannon where both sides are one HTTP request (the company case).
import autocannon from 'autocannon';

export async function autocannonRun(target, { connections, durationMs }) {
  const result = await autocannon({ ...target, connections, duration: durationMs / 1000 });
  return {
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
