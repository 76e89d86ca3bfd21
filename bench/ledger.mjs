#!/usr/bin/env node
// The general-ledger bench, runnable alone (`npm run build` first): trial balance and FEC export of the
// 500k-movement exercise against the raw download + parse, time and peak RSS; prints the results and,
// unless --no-write, writes bench/ledger-results.json and its section of bench/RESULTS.md.
//   node bench/ledger.mjs [--movements=500000] [--no-write]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    movements: { type: 'string', default: '500000' },
    'no-write': { type: 'boolean', default: false },
  },
});
const movements = Number(values.movements);
if (!Number.isInteger(movements) || movements <= 0) throw new Error('--movements must be a positive integer');
if (!existsSync(fileURLToPath(new URL('../dist/src/main.js', import.meta.url))))
  throw new Error('dist/ is missing: run `npm run build` first');
mkdirSync(fileURLToPath(new URL('./tmp', import.meta.url)), { recursive: true });

const { ledgerPart } = await import('./lib/part-ledger.mjs');
console.log(`general ledger on ${movements} movements (${os.cpus().length} cores, ${process.version})`);
const results = await ledgerPart({ movements, log: (line) => console.log(line) });
if (!values['no-write']) {
  const out = fileURLToPath(new URL('./ledger-results.json', import.meta.url));
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...results }, null, 2)}\n`,
  );
  const { writeLedgerSection } = await import('./lib/ledger-report.mjs');
  writeLedgerSection(fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, ''));
  console.log(`written ${out} and its section of bench/RESULTS.md`);
}
