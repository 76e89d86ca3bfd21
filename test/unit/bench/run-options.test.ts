/** `bench/run.mjs` parses its options and prints its plan without measuring (`--dry`), and refuses bad ones. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(__dirname, '../../../bench/run.mjs'), ...args], { encoding: 'utf8' });

describe('bench/run.mjs', () => {
  it('prints the plan of a dry run from its options', () => {
    const result = run('--dry', '--parts=1,3', '--duration=2000', '--movements=1000');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).plan).toMatchObject({
      parts: [1, 3],
      durationMs: 2000,
      movements: 1000,
      latencies: [0, 30],
    });
  });

  it('runs parts 1 to 4 three times by default, every pair, part 5 only when asked, and estimates the time', () => {
    const result = run('--dry');
    expect(result.status).toBe(0);
    const { plan, estimate } = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ parts: [1, 2, 3, 4], runs: 3 });
    expect(plan.pairs).toEqual([
      'pages+JSONL',
      'pages+CSV',
      'pages+FEC',
      'JSONL+CSV',
      'JSONL+FEC',
      'CSV+FEC',
    ]);
    expect(Object.keys(estimate.perPart)).toEqual(['1', '2', '3', '4']);
    expect(estimate.total).toBeLessThan(35 * 60);
  });

  it('takes the runs and a list of pairs, and refuses a pair it does not know', () => {
    const result = run('--dry', '--runs=2', '--pairs=pages+jsonl,CSV+FEC');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).plan).toMatchObject({ runs: 2, pairs: ['pages+JSONL', 'CSV+FEC'] });
    expect(JSON.parse(run('--dry', '--pairs=none').stdout).plan.pairs).toEqual([]);
    expect(run('--dry', '--pairs=pages+pages').stderr).toContain('--pairs takes all, none or some of');
    expect(run('--dry', '--runs=0').stderr).toContain('--runs must be a positive integer');
  });

  it('starts each slice of part 1 after 300 ms of unmeasured load unless told otherwise, and counts it in the estimate', () => {
    const byDefault = JSON.parse(run('--dry', '--parts=1').stdout);
    const without = JSON.parse(run('--dry', '--parts=1', '--lead-in=0').stdout);
    expect(byDefault.plan.leadInMs).toBe(300);
    expect(without.plan.leadInMs).toBe(0);
    // 5 slices of 0.3 s per side: 4 sides of the company case and 3 of the two others, at two latencies.
    expect(byDefault.estimate.perPart['1'] - without.estimate.perPart['1']).toBe(
      Math.round(3 * 2 * 10 * 1.5),
    );
    expect(run('--dry', '--lead-in=-5').stderr).toContain('--lead-in must be an integer ≥ 0');
  });

  it('refuses a part that does not exist', () => {
    const result = run('--dry', '--parts=1,9');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--parts takes numbers 1 to 5');
  });

  it('runs one part by name', () => {
    const result = run('--dry', '--part=frontend-session');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).plan.parts).toEqual([5]);
    expect(run('--dry', '--part=nope').stderr).toContain('--part takes one of');
  });

  it('documents its options under --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--movements');
  });
});
