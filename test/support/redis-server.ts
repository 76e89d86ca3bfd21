/**
 * Starts a throwaway real `redis-server` (the Debian binary) on a free loopback port for a test file:
 * no persistence, no shared state with other test files. Never a mock and never skipped: when the
 * binary is missing the test fails and says how to get it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

export const REDIS_SERVER_BINARY = '/usr/bin/redis-server';

export interface RunningRedis {
  /** `redis://[:password@]127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The redis-server process id (tests stall it with SIGSTOP / SIGCONT). */
  pid: number;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** Sets `requirepass`, to test authentication. */
  password?: string;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningRedis> {
  if (!existsSync(REDIS_SERVER_BINARY)) {
    throw new Error(
      `${REDIS_SERVER_BINARY} is missing: run the tests with \`npm test\` (its pretest installs the ` +
        'Debian redis-server package) or `apt-get install -y redis-server`.',
    );
  }
  // The free port may be taken between our probe and redis binding it: try a few.
  let lastError: unknown;
  for (let tries = 0; tries < 3; tries++) {
    const port = await freeLoopbackPort();
    try {
      return await launch(port, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function launch(port: number, options: RedisServerOptions): Promise<RunningRedis> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn(REDIS_SERVER_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`))),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPing(port, 10_000), exited]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return { url: `redis://${auth}127.0.0.1:${port}`, port, pid: child.pid!, stop: () => stopChild(child) };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls with a raw RESP PING; `-NOAUTH` also proves the server is up. */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 2_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
