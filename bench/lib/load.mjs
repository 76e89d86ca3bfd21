// A closed-loop load generator: `connections` workers each run `operation()` back to back for
// `durationMs` after a warm-up; latency is per operation, so a REST baseline made of several
// parallel calls is timed as the client would see it. Gateway and direct runs use the same loop.
import { performance } from 'node:perf_hooks';

export async function runLoad(operation, { connections, durationMs, warmupMs }) {
  const warmupEnd = performance.now() + warmupMs;
  const end = warmupEnd + durationMs;
  const latencies = [];
  let errors = 0;
  const worker = async () => {
    for (;;) {
      const started = performance.now();
      if (started >= end) return;
      try {
        await operation();
      } catch {
        errors++;
        continue;
      }
      if (started >= warmupEnd) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    operations: latencies.length,
    errors,
    perSecond: latencies.length / (durationMs / 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
