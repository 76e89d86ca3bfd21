/**
 * The process logger's stdout holds short lines in a buffer (src/logger.ts): a quiet process must still
 * write them (pino's periodic flush), and a process that exits must not lose the lines it holds.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildGateway } from '../../support/gateway-process';

beforeAll(() => buildGateway(), 120_000);

const LOGGER = join(ROOT, 'dist/src/logger.js');

/** Runs `script` in a node process given the compiled logger as `createLogger`; resolves with its stdout once `until` matches it. */
function runLogging(script: string, until: RegExp): Promise<string> {
  const child = spawn(
    process.execPath,
    ['-e', `const { createLogger } = require(${JSON.stringify(LOGGER)}); ${script}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  return new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) {
        child.kill();
        done(output);
      }
    });
    child.once('close', () =>
      until.test(output) ? done(output) : fail(new Error(`exited with: ${output}`)),
    );
  });
}

const lines = (output: string) =>
  output
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg: string });

it('writes a short line while the process stays idle, though it fills no buffer', async () => {
  const output = await runLogging(
    "const logger = createLogger('info'); logger.info('only line'); setInterval(() => {}, 1000);",
    /only line/,
  );
  expect(lines(output).map((line) => line.msg)).toEqual(['only line']);
});

it('writes every held line when the process exits at once', async () => {
  const output = await runLogging(
    "const logger = createLogger('info'); for (let i = 0; i < 3; i++) logger.info('line ' + i); process.exit(0);",
    /line 2/,
  );
  expect(lines(output).map((line) => line.msg)).toEqual(['line 0', 'line 1', 'line 2']);
});

it('keeps the order of many lines written across buffer flushes', async () => {
  const output = await runLogging(
    "const logger = createLogger('info'); for (let i = 0; i < 500; i++) logger.info({ pad: 'x'.repeat(100) }, 'line ' + i); setInterval(() => {}, 1000);",
    /line 499"/,
  );
  expect(lines(output).map((line) => line.msg)).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`));
});
