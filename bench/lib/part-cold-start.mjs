// Part 4: cold start of the demo (`node dist/src/main.js`, what `npm start` runs, and `npm start`
// itself) from spawn to the first answered GraphQL query; median of a few runs.
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { freePort, root, waitFor } from './processes.mjs';
import { median } from './stats.cjs';

const QUERY = JSON.stringify({ query: '{ companies(first: 1) { totalCount } }' });

async function once(command, args) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GRAND_LIVRE_CONFIG: '' },
    stdio: 'ignore',
    detached: true, // its own process group, so npm's child node is stopped with it
  });
  try {
    await waitFor(
      `http://127.0.0.1:${port}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
        body: QUERY,
      },
      (status, text) => status === 200 && text.includes('totalCount'),
      30_000,
    );
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

export async function coldStart({ runs, log }) {
  const node = [];
  const npm = [];
  for (let i = 0; i < runs; i++) {
    node.push(await once(process.execPath, ['dist/src/main.js']));
    npm.push(await once('npm', ['start', '--silent']));
  }
  const result = {
    runs,
    nodeMs: node,
    npmStartMs: npm,
    nodeMedianMs: median(node),
    npmStartMedianMs: median(npm),
  };
  log(
    `  cold start to first answer: node dist/src/main.js ${result.nodeMedianMs.toFixed(0)} ms, npm start ${result.npmStartMedianMs.toFixed(0)} ms (median of ${runs})`,
  );
  return result;
}
