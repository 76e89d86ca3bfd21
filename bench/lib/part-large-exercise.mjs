// Part 3: the 500k-movement exercise (MyUnisoft society 2199) read whole, each pass in its own fresh
// process so peak RSS is its own, every gateway with node's default flags (no heap cap): the raw MAD
// body downloaded and JSON.parse'd once (the baseline), GraphQL pages of 500 walked by cursor, bulk
// exports in JSONL, CSV and FEC (start, poll, download), then pairs of those passes at once on one gateway.
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { companyGlobalId, createDataset, encodeGlobalId, gatewayConfig } from './dist.mjs';
import { activateMyUnisoftToken, myUnisoftHeaders } from './myunisoft-direct.mjs';
import { gql, runBulkExport } from './graphql.mjs';
import { startGatewayChild, startSimulatorsChild, tmpDir } from './processes.mjs';

const BIG = '2199';
/** What each bulk format exports: the FEC is a ledger of entries (its lines), the others movements. */
const BULK_KIND = { JSONL: 'MOVEMENTS', CSV: 'MOVEMENTS', FEC: 'ENTRIES' };

const PAGE_QUERY = `query Page($id: ID!, $exerciseId: ID!, $after: String) { company(id: $id) {
  movements(first: 500, after: $after, filter: { exerciseId: $exerciseId }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id date journal { code } account { number name } description debit credit amount currency } } } } }`;

export function rawBaseline(url, headers) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./raw-parse-child.mjs', import.meta.url)), JSON.stringify({ url, headers })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`raw child exited ${code}`));
      const result = JSON.parse(out);
      // A refused download would make a fast, tiny baseline: every ratio against it would be wrong.
      if (result.status !== 200) return reject(new Error(`raw download answered ${result.status}`));
      resolve(result);
    });
  });
}

/** The raw baseline of the large exercise: its MAD JSON downloaded and parsed once, after the token's activation. */
export async function rawBigExercise(myunisoftUrl, exercise) {
  await activateMyUnisoftToken(myunisoftUrl);
  return rawBaseline(
    `${myunisoftUrl}/api/v1/mad/movements?version=1.0.0&idExercice=${exercise.id}`,
    myUnisoftHeaders(BIG),
  );
}

/** Reads every page of 500 of the exercise by cursor (variables: the company and exercise ids). */
export async function walkPages(gatewayUrl, variables) {
  const started = performance.now();
  let firstPageMs = null;
  let after = null;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const data = await gql(gatewayUrl, PAGE_QUERY, { ...variables, after });
    const { edges, pageInfo } = data.company.movements;
    firstPageMs ??= performance.now() - started;
    rows += edges.length;
    pages++;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  return { ms: performance.now() - started, firstPageMs, rows, pages };
}

async function bulkExport(gatewayUrl, input) {
  const { ms, producedMs, state, lines, bytes } = await runBulkExport(gatewayUrl, input);
  return { ms, producedMs, rows: state.rowCount, lines, bytes };
}

/** The large exercise of the dataset: its native record, and the global ids of its company and itself. */
export function bigExercise(datasetOptions) {
  const exercise = createDataset(datasetOptions).company('myunisoft', BIG).exercises.at(-1);
  return {
    exercise,
    companyId: companyGlobalId('MYUNISOFT', BIG),
    exerciseId: encodeGlobalId({
      type: 'Exercise',
      provider: 'MYUNISOFT',
      companyId: BIG,
      nativeId: exercise.id,
    }),
  };
}

/**
 * A fresh gateway for one pass (or a pair of passes), with its own bulk directory, removed after:
 * its peak RSS (VmHWM) is that pass's alone.
 */
export async function inFreshGateway(name, config, run) {
  const bulkDir = `${tmpDir}/bulk-${name}`;
  const gateway = await startGatewayChild(name, {
    ...config,
    bulk: { ...config.bulk, storage: { type: 'directory', path: bulkDir } },
  });
  const idleRssMb = gateway.peakRssMb();
  try {
    const result = await run(gateway.url);
    return { ...result, peakRssMb: gateway.peakRssMb(), idleRssMb };
  } finally {
    await gateway.close();
    rmSync(bulkDir, { recursive: true, force: true });
  }
}

/** Two passes started together on one gateway; each side's time, and how long both were running. */
async function pairAtOnce(url, passes, names) {
  const started = performance.now();
  const sides = await Promise.all(
    names.map(async (name) => {
      const result = await passes[name](url);
      return { name, ms: result.ms, endedMs: performance.now() - started };
    }),
  );
  return { ms: performance.now() - started, overlapMs: Math.min(...sides.map((s) => s.endedMs)), sides };
}

const mb = (value) => `${value.toFixed(0)} MB`;

export async function largeExercise({ movements, pairs = [], log }) {
  const datasetOptions = { bigExerciseMovements: movements };
  const { exercise, companyId, exerciseId } = bigExercise(datasetOptions);
  const sims = await startSimulatorsChild(datasetOptions);
  const config = gatewayConfig(sims.urls, datasetOptions);
  try {
    const raw = await rawBigExercise(sims.urls.myunisoft, exercise);
    log(
      `  raw download + JSON.parse: ${raw.count} movements, ${(raw.bytes / 1e6).toFixed(0)} MB in ${raw.ms.toFixed(0)} ms, peak RSS ${mb(raw.peakRssMb)}`,
    );

    const passes = {
      pages: (url) => walkPages(url, { id: companyId, exerciseId }),
      ...Object.fromEntries(
        Object.entries(BULK_KIND).map(([format, kind]) => [
          format,
          (url) => bulkExport(url, { companyId, exerciseId, kind, format }),
        ]),
      ),
    };
    const pages = await inFreshGateway('part3-pages', config, passes.pages);
    log(
      `  GraphQL pages of 500: ${pages.rows} movements in ${pages.pages} pages, ${pages.ms.toFixed(0)} ms (first page ${pages.firstPageMs.toFixed(0)} ms), gateway peak RSS ${mb(pages.peakRssMb)}`,
    );
    const bulk = {};
    for (const format of Object.keys(BULK_KIND)) {
      bulk[format] = await inFreshGateway(`part3-bulk-${format}`, config, passes[format]);
      const b = bulk[format];
      log(
        `  bulk export ${format} (${BULK_KIND[format]}): ${b.rows} rows, ${(b.bytes / 1e6).toFixed(0)} MB, ${b.ms.toFixed(0)} ms (file ready at ${b.producedMs.toFixed(0)} ms), gateway peak RSS ${mb(b.peakRssMb)}`,
      );
    }
    const measuredPairs = [];
    for (const name of pairs) {
      const names = name.split('+');
      const pair = await inFreshGateway(`part3-pair-${names.join('-')}`, config, (url) =>
        pairAtOnce(url, passes, names),
      );
      measuredPairs.push({ name, ...pair });
      log(
        `  ${names.join(' and ')} at once: ${pair.sides.map((s) => `${s.name} ${s.ms.toFixed(0)} ms`).join(', ')} (both running for ${pair.overlapMs.toFixed(0)} ms), gateway peak RSS ${mb(pair.peakRssMb)}`,
      );
    }
    return { movements: raw.count, raw, pages, bulk, pairs: measuredPairs, nodeFlags: [] };
  } finally {
    await sims.close();
  }
}
