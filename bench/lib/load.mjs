// A closed-loop load generator: `connections` workers each run `operation()` back to back for
// `durationMs` after a warm-up; latency is per operation, so a REST baseline made of several
// parallel calls is timed as the client would see it. Gateway and direct runs use the same loop,
// interleaved in slices (runInterleaved) when they are compared.
import { performance } from 'node:perf_hooks';

/**
 * Several operations measured in alternating slices (`rounds` of `durationMs / rounds` each, the
 * order rotated every round) instead of one after the other: a drift of the machine over the run
 * (another process, CPU frequency, the simulator's heap) then weighs on every side alike, so their
 * ratios compare like with like. Each side is warmed up first. With `upstream` (the simulators' request
 * counter: reset, count), each side's upstream calls per operation are counted too.
 *
 * Each slice starts with `leadInMs` of the same load, unmeasured: a process idle during the other
 * sides' slices answers slower for its first few hundred ms (bench/notes.md, 3 December, fifth session),
 * and only the proxies sit idle (the simulator behind the direct side serves every side).
 */
export async function runInterleaved(
  operations,
  { connections, durationMs, warmupMs, leadInMs = 0, rounds = 5, upstream = null },
) {
  const names = Object.keys(operations);
  const samples = Object.fromEntries(
    names.map((name) => [name, { latencies: [], errors: 0, unmeasured: 0, upstream: 0 }]),
  );
  for (const name of names) await loadSlice(operations[name], connections, warmupMs, null);
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      await upstream?.reset();
      await loadSlice(operations[name], connections, durationMs / rounds, samples[name], leadInMs);
      // One side runs at a time, so the upstream calls of the slice are that side's.
      if (upstream) samples[name].upstream += await upstream.count();
    }
  return Object.fromEntries(names.map((name) => [name, summarise(samples[name], durationMs)]));
}

/**
 * Runs `operation` back to back on `connections` workers for `leadInMs + ms`, adding to `sample` (none
 * for a warm-up) the latencies of the operations started after the lead-in; those started in it are
 * counted as `unmeasured` (their upstream calls are in the slice's count).
 */
async function loadSlice(operation, connections, ms, sample, leadInMs = 0) {
  const measureFrom = performance.now() + leadInMs;
  const end = measureFrom + ms;
  const worker = async () => {
    for (;;) {
      const started = performance.now();
      if (started >= end) return;
      try {
        await operation();
      } catch {
        if (sample) sample.errors++;
        continue;
      }
      if (!sample) continue;
      if (started < measureFrom) sample.unmeasured++;
      else sample.latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

function summarise({ latencies, errors, unmeasured, upstream }, durationMs) {
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    operations: latencies.length,
    errors,
    perSecond: latencies.length / (durationMs / 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    upstreamPerOperation: upstream / (latencies.length + errors + unmeasured),
  };
}
