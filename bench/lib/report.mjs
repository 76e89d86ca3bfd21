// bench/results.json (every run's figures) and bench/RESULTS.md (rendered by report-render.cjs).
import { writeFileSync } from 'node:fs';
import { ledgerSection } from './ledger-report.mjs';
import { renderReport } from './report-render.cjs';

/** Writes both into `dir`; the ledger section comes from `benchDir`'s ledger-results.json. */
export function writeReport(dir, results, notes, benchDir = dir) {
  writeFileSync(`${dir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${dir}/RESULTS.md`, renderReport(results, { notes, ledger: ledgerSection(benchDir) }));
}
