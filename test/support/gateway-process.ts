/**
 * The gateway as a real process (`node dist/src/main.js`, what `npm start` runs), for tests of what
 * only a process shows: start-up output, signals, exit codes, exporters loaded by dynamic import.
 * `buildGateway` compiles as `npm run build` does; `listeningUrl` resolves once the process has
 * printed its whole start-up banner.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');

/** Newest modification time of the files under `dir`, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds as `npm run build` does, unless dist/src/main.js is newer than every source. Jest runs the
 * process tests in parallel workers: a lock directory lets one build while the others wait, so no
 * process starts from a file another worker's compiler is rewriting.
 */
export function buildGateway(): void {
  const lock = join(ROOT, 'dist/.build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { force: true, recursive: true });
      pause(100);
    }
  }
  try {
    if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestMtime(join(ROOT, 'src'))) compile();
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}

/** `npm run build`, run directly: type errors elsewhere still emit (CI's typecheck catches them). */
function compile(): void {
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
