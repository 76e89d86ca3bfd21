/** bench/lib/load.mjs: a slice's lead-in is load that is not measured, yet counted in the upstream calls per operation. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const loadModule = pathToFileURL(join(__dirname, '../../../bench/lib/load.mjs')).href;

/** One side run by runInterleaved in a child process; each operation is one "upstream call". */
function runSide(leadInMs: number) {
  const script = `
    import { runInterleaved } from ${JSON.stringify(loadModule)};
    let sinceReset = 0, started = 0;
    const operation = async () => { sinceReset++; started++; await new Promise((r) => setImmediate(r)); };
    const upstream = { reset: async () => { sinceReset = 0; }, count: async () => sinceReset };
    const { side } = await runInterleaved({ side: operation },
      { connections: 2, durationMs: 200, warmupMs: 0, leadInMs: ${leadInMs}, rounds: 2, upstream });
    console.log(JSON.stringify({ ...side, started }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { operations: number; upstreamPerOperation: number; started: number };
}

describe('bench/lib/load.mjs lead-in', () => {
  it('measures only the operations started after each slice lead-in', () => {
    const side = runSide(15);
    // Each of the 2 workers starts its first operation of each of the 2 slices inside the lead-in.
    expect(side.operations).toBeLessThanOrEqual(side.started - 4);
    expect(side.operations).toBeGreaterThan(0);
    // The lead-in's calls are the slice's too: per operation, every operation started counts.
    expect(side.upstreamPerOperation).toBe(1);
  });

  it('measures every operation without a lead-in', () => {
    const side = runSide(0);
    expect(side.operations).toBe(side.started);
    expect(side.upstreamPerOperation).toBe(1);
  });
});
