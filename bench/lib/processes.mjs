// Child processes of the bench: the simulators (forked, IPC), a gateway (`node dist/src/main.js` on a
// config file), free ports, readiness polling and peak RSS read from /proc/<pid>/status (VmHWM).
import { performance } from 'node:perf_hooks';
import { fork, spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const tmpDir = `${root}bench/tmp`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startSimulatorsChild(options) {
  const child = fork(
    fileURLToPath(new URL('./simulators-child.mjs', import.meta.url)),
    [JSON.stringify(options)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const pending = new Map();
  let nextId = 0;
  const ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulators exited with ${code}`)));
    child.on('message', (message) => {
      if (message.type === 'ready') resolve(message.urls);
      else pending.get(message.id)?.(message.result);
    });
  });
  const urls = await ready;
  const call = (cmd) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ id, cmd });
    });
  return {
    urls,
    reset: () => call('reset'),
    requests: () => call('requests'),
    /** Upstream requests recorded since the last reset, all simulators together. */
    count: () => call('count'),
    close: async () => {
      child.removeAllListeners('exit');
      await call('close');
    },
  };
}

/** utime + stime of a live process, in ms (/proc/<pid>/stat, clock ticks of 10 ms): steadier than wall time on a shared machine. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Peak resident set of a live process, in MB. */
export function peakRssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

export async function waitFor(url, init, accept, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const response = await request(url, init);
      const text = await response.body.text();
      if (accept(response.statusCode, text)) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await pause(10);
  }
}

/**
 * A gateway process on a config file, with node's default flags: NODE_OPTIONS is not passed on, so no
 * heap cap set in the shell reaches a measured gateway. Its logs go to bench/tmp/<name>.log. `diagnosticFlags`
 * (bulk-memory.mjs's --node-flags: --trace-gc, --cpu-prof) are for reading a run, never for a committed figure.
 */
export async function startGatewayChild(name, config, diagnosticFlags = []) {
  const port = await freePort();
  const configPath = `${tmpDir}/${name}.config.json`;
  writeFileSync(configPath, JSON.stringify({ ...config, host: '127.0.0.1', port }));
  const log = openSync(`${tmpDir}/${name}.log`, 'w');
  const { NODE_OPTIONS: _notPassedOn, ...env } = process.env;
  const child = spawn(process.execPath, [...diagnosticFlags, 'dist/src/main.js'], {
    cwd: root,
    env: { ...env, GRAND_LIVRE_CONFIG: configPath, NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/healthz`, {}, (status) => status === 200, 30_000);
  } catch (error) {
    child.kill('SIGKILL'); // a gateway that never became ready must not outlive the bench
    throw error;
  }
  return {
    url,
    pid: child.pid,
    peakRssMb: () => peakRssMb(child.pid),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Part 1's bare proxy (bare-proxy.mjs): the extra hop with no gateway work, in its own process like a gateway. */
export async function startBareProxyChild(myunisoftUrl, headers, societyId) {
  const port = await freePort();
  const child = fork(
    fileURLToPath(new URL('./bare-proxy.mjs', import.meta.url)),
    [myunisoftUrl, JSON.stringify(headers), societyId, String(port)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bare proxy exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export { root, spawn };
