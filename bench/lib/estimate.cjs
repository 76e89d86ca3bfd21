// How long `npm run bench` will take with given settings, printed before it starts. The per-pass figures
// are what a 500k-movement run took on this 2-core VM at a low load average (30 November–1 December);
// the large exercise's passes scale with its movements, part 1 with its durations.
'use strict';

const SECONDS = {
  processStart: 2, // a gateway or the simulators, to healthy
  part1CasesPerLatency: 3, // company, entries page, document + URL
  part1SidesPerCase: 3, // direct and two gateways, interleaved
  part1PrewarmPer1000: 40, // 1,000 requests of every case on every side at one latency (0 ms ~22 s, 30 ms ~58 s)
  raw500k: 13,
  pages500k: 31,
  bulk500k: { JSONL: 15, CSV: 15, FEC: 21 },
  upstreamRequests: 15,
  coldStartOnce: 1.8, // one of node / npm start
  frontendSession: 540,
};

/** The passes of one part-3 run at `movements`, in seconds. */
function largeExerciseSeconds(movements, pairs) {
  const scale = movements / 500_000;
  const stream = { pages: SECONDS.pages500k * scale };
  for (const [format, s] of Object.entries(SECONDS.bulk500k)) stream[format] = s * scale;
  const singles = Object.values(stream).reduce((a, b) => a + b, 0);
  // Two passes at once share the simulator's CPU: together they take about as long as one after the other.
  const paired = pairs
    .map((pair) => pair.split('+').reduce((sum, pass) => sum + (stream[pass] ?? 0), 0))
    .reduce((a, b) => a + b, 0);
  const processes = 1 + Object.keys(stream).length + pairs.length;
  return SECONDS.raw500k * scale + singles + paired + processes * SECONDS.processStart;
}

/** Estimated seconds per part (all runs of it) and in all. */
function estimateSeconds(settings) {
  const {
    parts,
    runs,
    durationMs,
    warmupMs,
    prewarmOps = 0,
    leadInMs = 0,
    latencies,
    movements,
    coldRuns,
    pairs,
  } = settings;
  const perSide = (durationMs + warmupMs + 5 * leadInMs) / 1000; // a lead-in before each of 5 slices
  const perLatency =
    SECONDS.part1CasesPerLatency * SECONDS.part1SidesPerCase * perSide +
    perSide + // the bare proxy, a fourth side of the company case
    (2 * durationMs) / 1000 + // the autocannon cross-check, gateway then direct
    4 * SECONDS.processStart +
    (prewarmOps / 1000) * SECONDS.part1PrewarmPer1000;
  const byPart = {
    1: runs * latencies.length * perLatency,
    2: SECONDS.upstreamRequests,
    3: runs * largeExerciseSeconds(movements, pairs),
    4: coldRuns * 2 * SECONDS.coldStartOnce,
    5: SECONDS.frontendSession,
  };
  const perPart = Object.fromEntries(parts.map((p) => [p, Math.round(byPart[p])]));
  return { perPart, total: Object.values(perPart).reduce((a, b) => a + b, 0) };
}

module.exports = { estimateSeconds };
