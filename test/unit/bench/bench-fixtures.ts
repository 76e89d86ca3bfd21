/** Results of bench runs as bench/run.mjs records them, built small for the harness's unit tests. */
import type { BenchResults, PartRun } from '../../../bench/lib/targets.cjs';

const LOAD = [1.5, 1.2, 1.0];

/** Part 1 rows of one run: the three cases at 0 and 30 ms, both gateways, and the autocannon row. */
export function gatewayVsDirectRun(ratios: Record<string, number>) {
  const cases = ['company', 'entries page of 50', 'document + download URL'];
  const side = (p50Ms: number, upstreamPerOperation: number) => ({
    perSecond: 100,
    p50Ms,
    p99Ms: 2 * p50Ms,
    operations: 300,
    errors: 0,
    upstreamPerOperation,
  });
  const row = (name: string, gatewayVariant: string, latencyMs: number, p50Ratio: number) => ({
    case: name,
    gatewayVariant,
    latencyMs,
    upstream: `${name} upstream calls`,
    gateway: side(30 * p50Ratio, 0.25),
    direct: side(30, 6),
    p50Ratio,
    p99Ratio: p50Ratio,
    throughputRatio: 1 / p50Ratio,
  });
  return [0, 30].flatMap((latencyMs) => [
    ...cases.flatMap((name) => [
      row(name, 'list cache on (default)', latencyMs, 3),
      row(name, 'list cache off', latencyMs, latencyMs === 30 ? (ratios[name] ?? 1) : 3),
    ]),
    row('company (autocannon cross-check)', 'list cache off', latencyMs, 3),
  ]);
}

const pass = (ms: number, peakRssMb: number) => ({ ms, peakRssMb, idleRssMb: 110 });
const bulkPass = (ms: number, peakRssMb: number) => ({
  ...pass(ms, peakRssMb),
  producedMs: ms - 100,
  rows: 1000,
  lines: 1000,
  bytes: 2e6,
});

interface LargeExerciseFigures {
  rawMs?: number;
  pagesMs?: number;
  firstPageMs?: number;
  pagesRss?: number;
  bulkRss?: number;
  bulkMs?: number;
  /** Peak RSS of each pair measured, by name. */
  pairs?: Record<string, number>;
}

/** One part 3 run: every pass at the given peak RSS and time (ms), the raw baseline at `rawMs`. */
export function largeExerciseRun({
  rawMs = 10_000,
  pagesMs = 15_000,
  firstPageMs = 300,
  pagesRss = 190,
  bulkRss = 150,
  bulkMs = 9_000,
  pairs = { 'pages+JSONL': 280 },
}: LargeExerciseFigures = {}) {
  return {
    movements: 500_039,
    raw: { ms: rawMs, bytes: 433e6, count: 500_039, peakRssMb: 1700 },
    pages: { ...pass(pagesMs, pagesRss), firstPageMs, rows: 500_039, pages: 1001 },
    bulk: {
      JSONL: bulkPass(bulkMs, bulkRss),
      CSV: bulkPass(bulkMs, bulkRss),
      FEC: bulkPass(bulkMs, bulkRss),
    },
    pairs: Object.entries(pairs).map(([name, peakRssMb]) => ({
      name,
      peakRssMb,
      idleRssMb: 110,
      ms: 20_000,
      overlapMs: 12_000,
      sides: name.split('+').map((side) => ({ name: side, ms: 15_000, endedMs: 15_000 })),
    })),
    nodeFlags: [],
  };
}

export function runsOf(...results: unknown[]): { runs: PartRun[] } {
  return {
    runs: results.map((result, i) => ({
      run: i + 1,
      date: `2026-12-01T20:0${i}:00.000Z`,
      seconds: 60,
      loadBefore: LOAD.map((l) => l + i),
      loadAfter: LOAD.map((l) => l + i + 0.5),
      result,
    })),
  };
}

export function benchResults(parts: BenchResults['parts']): BenchResults {
  return {
    environment: {
      date: '2026-12-01T20:00:00.000Z',
      node: 'v20.20.2',
      cpu: 'Test CPU',
      cores: 2,
      platform: 'linux test',
      loadBefore: LOAD,
      loadAfter: LOAD,
      argv: 'node bench/run.mjs',
      totalSeconds: 1500,
      estimatedSeconds: 1400,
    },
    settings: { runs: 3, connections: 4, durationMs: 3000, warmupMs: 1000 },
    parts,
  };
}
