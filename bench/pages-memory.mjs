#!/usr/bin/env node
// Sizing aid for `--max-old-space-size`: walks every page of 500 of the large exercise (as bench part 3)
// through a gateway started with the given node flags, and prints its peak RSS and the largest V8 heap
// and external memory seen on /metrics, the gateway's and this client's CPU over the walk and the load
// averages. `npm run build` first.
//   node bench/pages-memory.mjs [--movements=500000] [--node-flags="--max-old-space-size=192"] [--entry=dist/src/main.js]
import { spawn } from 'node:child_process';
import { setInterval, clearInterval } from 'node:timers';
import { openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { gatewayConfig } from './lib/dist.mjs';
import { bigExercise, walkPages } from './lib/part-large-exercise.mjs';
import { cpuMs, freePort, peakRssMb, root, startSimulatorsChild, tmpDir, waitFor } from './lib/processes.mjs';

const { values } = parseArgs({
  options: {
    movements: { type: 'string', default: '500000' },
    'node-flags': { type: 'string', default: '' },
    entry: { type: 'string', default: 'dist/src/main.js' },
  },
});
const datasetOptions = { bigExerciseMovements: Number(values.movements) };
const sims = await startSimulatorsChild(datasetOptions);
const port = await freePort();
const configPath = `${tmpDir}/pages-memory.config.json`;
writeFileSync(
  configPath,
  JSON.stringify({ ...gatewayConfig(sims.urls, datasetOptions), host: '127.0.0.1', port }),
);
const flags = values['node-flags'].split(' ').filter(Boolean);
const log = openSync(`${tmpDir}/pages-memory.log`, 'w');
const gateway = spawn(process.execPath, [...flags, values.entry], {
  cwd: root,
  env: { ...process.env, GRAND_LIVRE_CONFIG: configPath, NODE_ENV: 'production' },
  stdio: ['ignore', log, log],
});
const url = `http://127.0.0.1:${port}`;
try {
  await waitFor(`${url}/healthz`, {}, (status) => status === 200, 30_000);
  const peak = { heapUsed: 0, heapTotal: 0, external: 0 };
  const gauge = (text, name) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? 0) / 1e6;
  const sampler = setInterval(async () => {
    const text = await (await request(`${url}/metrics`)).body.text();
    peak.heapUsed = Math.max(peak.heapUsed, gauge(text, 'nodejs_heap_size_used_bytes'));
    peak.heapTotal = Math.max(peak.heapTotal, gauge(text, 'nodejs_heap_size_total_bytes'));
    peak.external = Math.max(peak.external, gauge(text, 'nodejs_external_memory_bytes'));
  }, 250);
  const { companyId: id, exerciseId } = bigExercise(datasetOptions);
  const loadBefore = os.loadavg()[0];
  const gatewayCpuBefore = cpuMs(gateway.pid);
  const clientCpuBefore = process.cpuUsage();
  const walk = await walkPages(url, { id, exerciseId });
  const gatewayCpu = cpuMs(gateway.pid) - gatewayCpuBefore;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  clearInterval(sampler);
  const mb = (v) => `${v.toFixed(0)} MB`;
  console.log(
    `${values.entry}, node flags "${flags.join(' ')}": ${walk.pages} pages in ${walk.ms.toFixed(0)} ms; ` +
      `peak RSS ${mb(peakRssMb(gateway.pid))}, heap used ≤ ${mb(peak.heapUsed)}, heap total ≤ ${mb(peak.heapTotal)}, external ≤ ${mb(peak.external)}; ` +
      `gateway CPU ${(gatewayCpu / 1000).toFixed(1)} s, client CPU ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s, ` +
      `load ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`,
  );
} finally {
  gateway.kill('SIGTERM');
  await sims.close();
}
