#!/usr/bin/env node
// Bulk exports of the 500k-movement exercise (MyUnisoft society 2199), each in a fresh gateway process so
// its peak RSS is its own: JSONL, CSV and FEC one at a time, optionally two at once on one gateway, and
// the raw MAD download + JSON.parse baseline. Prints figures with the load average (`npm run build` first).
//   node bench/bulk-memory.mjs [--movements=500000] [--formats=JSONL,CSV,FEC] [--pairs=JSONL+CSV,CSV+FEC]
//                              [--raw] [--node-flags=--trace-gc,...]
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gatewayConfig } from './lib/dist.mjs';
import { runBulkExport } from './lib/graphql.mjs';
import { bigExercise, rawBigExercise } from './lib/part-large-exercise.mjs';
import { cpuMs, startGatewayChild, startSimulatorsChild } from './lib/processes.mjs';

const { values } = parseArgs({
  options: {
    movements: { type: 'string', default: '500000' },
    formats: { type: 'string', default: 'JSONL,CSV,FEC' },
    pairs: { type: 'string', default: '' },
    raw: { type: 'boolean', default: false },
    'node-flags': { type: 'string', default: '' },
  },
});
mkdirSync(fileURLToPath(new URL('./tmp', import.meta.url)), { recursive: true });
const nodeFlags = values['node-flags'] ? values['node-flags'].split(',') : [];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

async function bulkExport(url, input) {
  const { ms, producedMs, state, lines, bytes } = await runBulkExport(url, input, 'conformance { valid }');
  const valid = state.conformance?.valid ?? null;
  return {
    format: input.format,
    ms,
    producedMs,
    rows: state.rowCount,
    lines,
    bytes,
    valid,
  };
}

const datasetOptions = { bigExerciseMovements: Number(values.movements) };
const { exercise, companyId, exerciseId } = bigExercise(datasetOptions);
const sims = await startSimulatorsChild(datasetOptions);
const config = gatewayConfig(sims.urls, datasetOptions);
const inputOf = (format) => ({
  companyId,
  exerciseId,
  kind: format === 'FEC' ? 'ENTRIES' : 'MOVEMENTS',
  format,
});
console.log(`bulk exports of ${values.movements} movements, ${process.version}, load ${load()}`);
try {
  if (values.raw) {
    const raw = await rawBigExercise(sims.urls.myunisoft, exercise);
    console.log(
      `raw download + JSON.parse: ${raw.count} movements, ${(raw.bytes / 1e6).toFixed(0)} MB, ${raw.ms.toFixed(0)} ms, peak RSS ${raw.peakRssMb.toFixed(0)} MB (load ${load()})`,
    );
  }
  const runs = [
    ...values.formats
      .split(',')
      .filter(Boolean)
      .map((f) => [f]),
    ...values.pairs
      .split(',')
      .filter(Boolean)
      .map((p) => p.split('+')),
  ];
  for (const formats of runs) {
    const gateway = await startGatewayChild(`bulk-${formats.join('-')}`, config, nodeFlags);
    const idle = gateway.peakRssMb();
    const cpuBefore = cpuMs(gateway.pid);
    try {
      const results = await Promise.all(formats.map((f) => bulkExport(gateway.url, inputOf(f))));
      for (const r of results)
        console.log(
          `${r.format}: ${r.rows} rows, ${r.lines} lines, ${(r.bytes / 1e6).toFixed(0)} MB, ${r.ms.toFixed(0)} ms (ready ${r.producedMs.toFixed(0)} ms)${r.valid === null ? '' : `, valid ${r.valid}`}`,
        );
      console.log(
        `  [${formats.join(' + ')}] gateway peak RSS ${gateway.peakRssMb().toFixed(0)} MB (idle ${idle.toFixed(0)} MB), gateway CPU ${(cpuMs(gateway.pid) - cpuBefore).toFixed(0)} ms, load ${load()}`,
      );
    } finally {
      await gateway.close();
    }
  }
} finally {
  await sims.close();
}
