// The general-ledger section of bench/RESULTS.md, rendered from bench/ledger-results.json (written by
// bench/ledger.mjs); report.mjs keeps it when `npm run bench` rewrites the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- ledger-bench:start -->';
const END = '<!-- ledger-bench:end -->';
const n = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function ledgerSection(dir) {
  const path = `${dir}/ledger-results.json`;
  if (!existsSync(path)) return null;
  const { date, node, movements, raw, trialBalance: tb, fec } = JSON.parse(readFileSync(path, 'utf8'));
  return [
    START,
    `## General ledger on the ${movements.toLocaleString('en')}-movement exercise`,
    '',
    `\`node bench/ledger.mjs\` (runnable alone after \`npm run build\`), ${date}, Node ${node}; each pass in a fresh gateway process.`,
    '',
    '| pass | time ms | ratio to raw | peak RSS MB | notes |',
    '| --- | --- | --- | --- | --- |',
    `| raw: MAD download + JSON.parse once (baseline) | ${n(raw.ms)} | 1.00 | ${n(raw.peakRssMb)} | ${n(raw.bytes / 1e6)} MB of JSON |`,
    `| trialBalance(exerciseId), reconciled | ${n(tb.ms)} | ${n(tb.ms / raw.ms, 2)} | ${n(tb.peakRssMb)} | ${tb.accounts} accounts, balanced ${tb.balanced}, reconciled ${tb.reconciled}; gateway ${n(tb.idleRssMb)} MB idle |`,
    `| FEC bulk export: start, poll, download | ${n(fec.ms)} | ${n(fec.ms / raw.ms, 2)} | ${n(fec.peakRssMb)} | ${fec.rows} lines, ${n(fec.bytes / 1e6)} MB, \`${fec.fileName}\`, conformance valid ${fec.valid}; file and report ready at ${n(fec.producedMs)} ms |`,
    END,
  ].join('\n');
}

/** Puts the section into RESULTS.md, replacing the previous one. */
export function writeLedgerSection(dir) {
  const section = ledgerSection(dir);
  if (!section) return;
  const path = `${dir}/RESULTS.md`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const rest =
    start === -1 ? current.trimEnd() : (current.slice(0, start) + current.slice(end + END.length)).trimEnd();
  writeFileSync(path, `${rest}\n\n${section}\n`);
}
