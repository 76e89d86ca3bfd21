/**
 * The gateway as a real process (`node dist/src/main.js`), for tests of what only a process shows:
 * start-up output, signals, exit codes, exporters loaded by dynamic import. `buildGatewayOnce`
 * compiles as `npm run build` does; `startGatewayProcess` resolves once the process prints its URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');

/** `npm run build`, run directly: type errors elsewhere still emit (CI's typecheck catches them). */
export function buildGateway(): void {
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  if (!existsSync(MAIN)) throw new Error(`${MAIN} was not built`);
}

export interface GatewayProcess {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the built gateway with only PATH and `env` in its environment. */
export function spawnGateway(env: NodeJS.ProcessEnv): GatewayProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': it fires after stdout and stderr are drained, so output() is complete.
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  return { child, output: () => output, exited };
}

/**
 * The base URL (`http://host:port`, without `/graphql`) once the whole start-up banner (up to its curl
 * example) is printed; rejects if the process exits first.
 */
export function listeningUrl(gateway: GatewayProcess): Promise<string> {
  return new Promise<string>((found, fail) => {
    const poll = setInterval(() => {
      const match = /GraphQL API: (http:\/\/\S+)\/graphql[^]*Try: curl [^\n]*\n[^\n]*-d '/.exec(
        gateway.output(),
      );
      if (match) {
        clearInterval(poll);
        found(match[1]!);
      }
    }, 20);
    void gateway.exited.then((code) => {
      clearInterval(poll);
      fail(new Error(`gateway exited (${code}) before listening: ${gateway.output()}`));
    });
  });
}
