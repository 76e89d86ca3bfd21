/** The bench's targets are judged on the median of the runs, with the spread beside it (bench/lib/targets.cjs). */
import { evaluateTargets } from '../../../bench/lib/targets.cjs';
import { median, summarise } from '../../../bench/lib/stats.cjs';
import { benchResults, gatewayVsDirectRun, largeExerciseRun, runsOf } from './bench-fixtures';

const byName = (results: ReturnType<typeof benchResults>) =>
  Object.fromEntries(evaluateTargets(results).map((t) => [t.name, t]));

const ENTRIES = '30 ms upstream, list cache off, entries page of 50: gateway p50 ≤ 1.05× direct';

describe('median and spread', () => {
  it('takes the middle figure, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(summarise([1.09, 1.02, 1.04])).toEqual({ median: 1.04, min: 1.02, max: 1.09, count: 3 });
  });
});

describe('evaluateTargets', () => {
  it('meets a target whose median holds though one run misses it, and shows the spread', () => {
    const results = benchResults({
      gatewayVsDirect: runsOf(
        gatewayVsDirectRun({ 'entries page of 50': 1.02 }),
        gatewayVsDirectRun({ 'entries page of 50': 1.09 }),
        gatewayVsDirectRun({ 'entries page of 50': 1.04 }),
      ),
    });
    const entries = byName(results)[ENTRIES];
    expect(entries).toMatchObject({
      met: true,
      median: 1.04,
      runs: 3,
      measured: '×1.04',
      spread: '×1.02–×1.09',
    });
  });

  it('misses a target whose median misses though one run holds', () => {
    const results = benchResults({
      gatewayVsDirect: runsOf(
        gatewayVsDirectRun({ 'document + download URL': 1.08 }),
        gatewayVsDirectRun({ 'document + download URL': 1.12 }),
        gatewayVsDirectRun({ 'document + download URL': 1.15 }),
      ),
    });
    const doc =
      byName(results)['30 ms upstream, list cache off, document + download URL: gateway p50 ≤ 1.10× direct'];
    expect(doc).toMatchObject({ met: false, median: 1.12, spread: '×1.08–×1.15' });
  });

  it('makes targets only of the 30 ms, list cache off rows of part 1', () => {
    const results = benchResults({ gatewayVsDirect: runsOf(gatewayVsDirectRun({})) });
    const names = evaluateTargets(results).map((t) => t.name);
    expect(names).toEqual([
      '30 ms upstream, list cache off, company: gateway p50 ≤ 1.10× direct',
      ENTRIES,
      '30 ms upstream, list cache off, document + download URL: gateway p50 ≤ 1.10× direct',
    ]);
    // The fixture's list-cache-on, 0 ms and autocannon rows read ×3: none of them is judged.
    expect(evaluateTargets(results).every((t) => t.met)).toBe(true);
  });

  it('leaves out a run where either side of a part 1 case had errors', () => {
    const failing = gatewayVsDirectRun({ 'entries page of 50': 1.0 });
    for (const row of failing) row.direct.errors = 3;
    const results = benchResults({
      gatewayVsDirect: runsOf(
        gatewayVsDirectRun({ 'entries page of 50': 1.06 }),
        failing,
        gatewayVsDirectRun({ 'entries page of 50': 1.08 }),
      ),
    });
    expect(byName(results)[ENTRIES]).toMatchObject({ met: false, runs: 2, values: [1.06, 1.08] });
  });

  it('judges part 3 times against the raw time of the same run', () => {
    const results = benchResults({
      largeExercise: runsOf(
        largeExerciseRun({ rawMs: 10_000, pagesMs: 19_000 }),
        largeExerciseRun({ rawMs: 20_000, pagesMs: 42_000 }),
        largeExerciseRun({ rawMs: 30_000, pagesMs: 57_000 }),
      ),
    });
    // Per run ×1.9, ×2.1, ×1.9: the median ×1.9 holds (a ratio of medians would read 42/20 = ×2.1).
    expect(byName(results)['pages of 500: time ≤ 2× raw download+parse']).toMatchObject({
      met: true,
      median: 1.9,
      spread: '×1.90–×2.10',
    });
  });

  it('bounds every bulk format and every measured pair, each on its median', () => {
    const results = benchResults({
      largeExercise: runsOf(
        largeExerciseRun({ bulkRss: 150, pairs: { 'pages+JSONL': 290, 'JSONL+CSV': 310 } }),
        largeExerciseRun({ bulkRss: 170, pairs: { 'pages+JSONL': 305, 'JSONL+CSV': 295 } }),
        largeExerciseRun({ bulkRss: 165, pairs: { 'pages+JSONL': 299, 'JSONL+CSV': 320 } }),
      ),
    });
    const targets = byName(results);
    for (const format of ['JSONL', 'CSV', 'FEC']) {
      expect(targets[`bulk export ${format}: peak RSS ≤ 160 MB`]).toMatchObject({ met: false, median: 165 });
      expect(targets[`bulk export ${format}: time ≤ 1.0× raw download+parse`]).toMatchObject({ met: true });
    }
    expect(targets['pages and JSONL at once on one gateway: peak RSS ≤ 300 MB']).toMatchObject({
      met: true,
      median: 299,
    });
    expect(targets['JSONL and CSV at once on one gateway: peak RSS ≤ 300 MB']).toMatchObject({
      met: false,
      median: 310,
    });
    expect(Object.keys(targets).filter((name) => name.includes('at once'))).toHaveLength(2);
  });

  it('shows a pass missing from the results as not measured, and not met', () => {
    const old = largeExerciseRun() as Record<string, unknown>;
    old.bulk = { JSONL: (old.bulk as Record<string, unknown>).JSONL };
    const targets = byName(benchResults({ largeExercise: runsOf(old) }));
    expect(targets['bulk export CSV: peak RSS ≤ 160 MB']).toMatchObject({
      met: false,
      runs: 0,
      measured: 'not measured',
    });
    expect(targets['bulk export JSONL: peak RSS ≤ 160 MB']).toMatchObject({ met: true, runs: 1, spread: '' });
  });

  it('keeps the other parts: strict cold-start bound, requests = distinct resources, incomplete sessions', () => {
    const results = benchResults({
      coldStart: runsOf({ nodeMedianMs: 2000, npmStartMedianMs: 1500, nodeMs: [2000], npmStartMs: [1500] }),
      upstreamRequests: runsOf([
        { query: 'q1', upstreamRequests: 6, distinctResources: 6, naive: 9 },
        { query: 'q2', upstreamRequests: 7, distinctResources: 6, naive: 9 },
      ]),
      frontendSession: runsOf({
        limited: {
          errors: 0,
          requests: 900,
          rateLimited: 0,
          upstream429: 0,
          upstream: 400,
          ms: 1000,
          quotaMs: 1000,
          laterPages: { mean: 0.1, pages: 800, max: 1 },
        },
        unlimited: { requests: 922 },
        big: { errors: 0, ms: 1, upstream: 38, quotaMs: 1 },
      }),
    });
    const targets = byName(results);
    expect(targets['cold start (node dist/src/main.js) < 2 s']?.met).toBe(false);
    expect(targets['cold start (npm start) < 2 s']?.met).toBe(true);
    expect(targets['q1: upstream requests = distinct resources']).toMatchObject({
      met: true,
      measured: '6 requests, 6 distinct (naive 9)',
    });
    expect(targets['q2: upstream requests = distinct resources']?.met).toBe(false);
    expect(targets['frontend session: upstream requests per later page ≤ 1']).toMatchObject({ met: false });
    expect(targets['frontend session: upstream requests per later page ≤ 1']?.measured).toContain(
      'session incomplete: 900 of 922 requests',
    );
    expect(targets['frontend session under the limits: 0 errors']?.met).toBe(true);
  });

  it('has no target for a part not measured', () => {
    expect(evaluateTargets(benchResults({}))).toEqual([]);
  });
});
