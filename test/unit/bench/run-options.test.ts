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
