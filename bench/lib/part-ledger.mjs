// The general ledger on the 500k-movement exercise (MyUnisoft society 2199), each measure in a fresh
// gateway process so its peak RSS is its own, against the raw MAD download + JSON.parse baseline:
// the trial balance (one streamed /mad/movements read summed by account, plus /mad/balance for the
// reconciliation) and a FEC bulk export (start, poll, download, with its conformance report).
import { performance } from 'node:perf_hooks';
import { gatewayConfig } from './dist.mjs';
import { gql, runBulkExport } from './graphql.mjs';
import { bigExercise, inFreshGateway, rawBigExercise } from './part-large-exercise.mjs';
import { startSimulatorsChild } from './processes.mjs';

const TRIAL_BALANCE = `query TB($id: ID!, $exerciseId: ID!) { company(id: $id) { trialBalance(filter: { exerciseId: $exerciseId }) {
  debitTotal creditTotal balanced unbalancedEntryIds lines { account { number } balance } reconciliation { matches differences { accountNumber } } } } }`;

async function trialBalance(url, variables) {
  const started = performance.now();
  const tb = (await gql(url, TRIAL_BALANCE, variables)).company.trialBalance;
  return {
    ms: performance.now() - started,
    accounts: tb.lines.length,
    debitTotal: tb.debitTotal,
    balanced: tb.balanced,
    unbalancedEntries: tb.unbalancedEntryIds.length,
    reconciled: tb.reconciliation?.matches ?? null,
  };
}

async function fecExport(url, input) {
  const { ms, producedMs, state, bytes } = await runBulkExport(
    url,
    input,
    'fileName conformance { valid checks { name passed count } }',
  );
  return {
    ms,
    producedMs,
    rows: state.rowCount,
    bytes,
    fileName: state.fileName,
    valid: state.conformance?.valid ?? null,
    failedChecks: state.conformance?.checks.filter((c) => !c.passed).map((c) => c.name) ?? [],
  };
}

export async function ledgerPart({ movements, log }) {
  const datasetOptions = { bigExerciseMovements: movements };
  const { exercise, companyId, exerciseId } = bigExercise(datasetOptions);
  const sims = await startSimulatorsChild(datasetOptions);
  const config = gatewayConfig(sims.urls, datasetOptions);
  try {
    const raw = await rawBigExercise(sims.urls.myunisoft, exercise);
    log(
      `  raw download + JSON.parse: ${raw.count} movements, ${(raw.bytes / 1e6).toFixed(0)} MB in ${raw.ms.toFixed(0)} ms, peak RSS ${raw.peakRssMb.toFixed(0)} MB`,
    );
    const tb = await inFreshGateway('ledger-trial-balance', config, (url) =>
      trialBalance(url, { id: companyId, exerciseId }),
    );
    log(
      `  trial balance: ${tb.accounts} accounts, balanced ${tb.balanced}, reconciled ${tb.reconciled}, ${tb.ms.toFixed(0)} ms, gateway peak RSS ${tb.peakRssMb.toFixed(0)} MB (idle ${tb.idleRssMb.toFixed(0)} MB)`,
    );
    const fec = await inFreshGateway('ledger-fec', config, (url) =>
      fecExport(url, { companyId, exerciseId, kind: 'ENTRIES', format: 'FEC' }),
    );
    log(
      `  FEC bulk export: ${fec.rows} lines, ${(fec.bytes / 1e6).toFixed(0)} MB, ${fec.fileName}, valid ${fec.valid}, ${fec.ms.toFixed(0)} ms (file and report ready at ${fec.producedMs.toFixed(0)} ms), gateway peak RSS ${fec.peakRssMb.toFixed(0)} MB`,
    );
    return { movements: raw.count, raw, trialBalance: tb, fec };
  } finally {
    await sims.close();
  }
}
