/** bench/RESULTS.md shows the median table, the spread and each run's load average (bench/lib/report-render.cjs). */
import { renderReport } from '../../../bench/lib/report-render.cjs';
import { evaluateTargets } from '../../../bench/lib/targets.cjs';
import { estimateSeconds } from '../../../bench/lib/estimate.cjs';
import { benchResults, gatewayVsDirectRun, largeExerciseRun, runsOf } from './bench-fixtures';

function threeRuns() {
  const results = benchResults({
    gatewayVsDirect: runsOf(
      gatewayVsDirectRun({ 'entries page of 50': 1.02 }),
      gatewayVsDirectRun({ 'entries page of 50': 1.09 }),
      gatewayVsDirectRun({ 'entries page of 50': 1.04 }),
    ),
    largeExercise: runsOf(
      largeExerciseRun({ pagesRss: 180 }),
      largeExerciseRun({ pagesRss: 230 }),
      largeExerciseRun({ pagesRss: 195 }),
    ),
  });
  return { ...results, targets: evaluateTargets(results) };
}

const line = (report: string, start: string) => report.split('\n').find((l) => l.startsWith(start));

describe('renderReport', () => {
  it('shows each target on its median with the spread and the runs it comes from', () => {
    const report = renderReport(threeRuns());
    expect(line(report, '| 30 ms upstream, list cache off, entries page of 50')).toBe(
      '| 30 ms upstream, list cache off, entries page of 50: gateway p50 ≤ 1.05× direct | ×1.04 | ×1.02–×1.09 | 3 | MET |',
    );
    expect(line(report, '| pages of 500: peak RSS ≤ 200 MB')).toBe(
      '| pages of 500: peak RSS ≤ 200 MB | 195 MB | 180 MB–230 MB | 3 | MET |',
    );
    expect(report).toContain('is MET only if the median holds');
  });

  it("records each run's load average before and after", () => {
    const report = renderReport(threeRuns());
    expect(line(report, '| 1. gateway vs direct | 2 |')).toBe(
      '| 1. gateway vs direct | 2 | 2026-12-01T20:01:00.000Z | 60 | 2.50 / 2.20 / 2.00 | 3.00 / 2.70 / 2.50 | measured |',
    );
    expect(report.split('\n').filter((l) => l.startsWith('| 3. large exercise |'))).toHaveLength(3);
  });

  it('shows a failed run as failed, and its part judged on the runs that measured', () => {
    const results = threeRuns();
    const part1 = results.parts?.gatewayVsDirect;
    if (!part1?.runs[1]) throw new Error('fixture has three runs');
    part1.runs[1] = { ...part1.runs[1], result: undefined, error: 'simulators exited with 1' };
    const report = renderReport({ ...results, targets: evaluateTargets(results) });
    expect(line(report, '| 1. gateway vs direct | 2 |')).toMatch(
      /\| \*\*FAILED\*\*: simulators exited with 1 \|$/,
    );
    expect(line(report, '| 30 ms upstream, list cache off, entries page of 50')).toBe(
      '| 30 ms upstream, list cache off, entries page of 50: gateway p50 ≤ 1.05× direct | ×1.03 | ×1.02–×1.04 | 2 | MET |',
    );
  });

  it('tables part 1 by medians, marking which rows are targets and which are information', () => {
    const report = renderReport(threeRuns());
    const entries30 = line(report, '| entries page of 50 | list cache off | 30 ms |');
    expect(entries30).toContain('| 1.04 (1.02–1.09) |');
    expect(entries30?.endsWith('| 0.25 / 6.00 | ≤ 1.05 |')).toBe(true);
    expect(line(report, '| entries page of 50 | list cache on (default) | 30 ms |')).toMatch(
      /\| information \|$/,
    );
    expect(line(report, '| company | list cache off | 0 ms |')).toMatch(/\| information \|$/);
    expect(line(report, '| company (autocannon cross-check) | list cache off | 30 ms |')).toMatch(
      /\| information \|$/,
    );
  });

  it('tables part 3 by medians: every bulk format and the pairs, no heap-capped row', () => {
    const report = renderReport(threeRuns());
    expect(line(report, '| GraphQL pages of 500')).toContain('| 195 (180–230) |');
    for (const format of ['JSONL', 'CSV', 'FEC'])
      expect(line(report, `| bulk export ${format}: start, poll, download`)).toContain(
        '| 0.90 (0.90–0.90) |',
      );
    expect(line(report, '| pages and JSONL at once, one gateway')).toContain('| 280 (280–280) |');
    expect(report).not.toContain('max-old-space-size');
  });

  it('says which parts keep earlier figures, and appends the notes and the ledger section', () => {
    const results = threeRuns();
    results.parts = {
      ...results.parts,
      coldStart: {
        keptFrom: '2026-11-30T10:00:00.000Z',
        ...runsOf({ nodeMedianMs: 1200, npmStartMedianMs: 1400, nodeMs: [1200], npmStartMs: [1400] }),
      },
    };
    const report = renderReport(results, {
      notes: '## What changed\n\n- a change',
      ledger: '<!-- ledger -->',
    });
    expect(report).toContain('4. cold start keeps its figures of 2026-11-30T10:00:00.000Z');
    expect(report).toContain('| node dist/src/main.js | 1200 | 1200 |');
    expect(report.trimEnd().endsWith('## What changed\n\n- a change\n\n<!-- ledger -->')).toBe(true);
  });
});

describe('estimateSeconds', () => {
  const settings = {
    parts: [1, 2, 3, 4],
    runs: 3,
    durationMs: 3000,
    warmupMs: 1000,
    latencies: [0, 30],
    movements: 500_000,
    coldRuns: 3,
    pairs: ['pages+JSONL', 'JSONL+CSV'],
  };

  it('adds up the parts asked for, the repeated ones once per run', () => {
    const three = estimateSeconds(settings);
    const one = estimateSeconds({ ...settings, runs: 1 });
    expect(Object.keys(three.perPart)).toEqual(['1', '2', '3', '4']);
    expect(three.total).toBe(Object.values(three.perPart).reduce((a, b) => a + b, 0));
    expect(three.perPart['1']).toBeCloseTo(3 * (one.perPart['1'] ?? 0), -1);
    expect(three.perPart['2']).toBe(one.perPart['2']);
  });

  it('grows with the pairs and the movements, and counts part 5 only when asked', () => {
    const base = estimateSeconds(settings).perPart['3'] ?? 0;
    expect(estimateSeconds({ ...settings, pairs: [] }).perPart['3']).toBeLessThan(base);
    expect(estimateSeconds({ ...settings, movements: 20_000 }).perPart['3']).toBeLessThan(base / 5);
    expect(estimateSeconds({ ...settings, parts: [1, 2, 3, 4, 5] }).perPart['5']).toBeGreaterThan(0);
  });

  it("counts part 1's pre-warm at each latency of each run", () => {
    const cold = estimateSeconds(settings).perPart['1'] ?? 0;
    const warmed = estimateSeconds({ ...settings, prewarmOps: 2000 }).perPart['1'] ?? 0;
    expect(warmed - cold).toBeGreaterThan(3 * 2 * 30);
  });
});
