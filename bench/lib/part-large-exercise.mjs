// Part 3: the 500k-movement exercise (MyUnisoft society 2199) read whole three ways, each with its
// own fresh process so peak RSS is its own: the raw MAD body downloaded and JSON.parse'd once (the
// baseline), GraphQL pages of 500 walked by cursor (with V8's default heap, then again with the old
// space capped, which shows what the walk really keeps alive), and a bulk export (start, poll, download).
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { companyGlobalId, createDataset, demoCredentials, encodeGlobalId, gatewayConfig } from './dist.mjs';
import { gql } from './graphql.mjs';
import { startGatewayChild, startSimulatorsChild } from './processes.mjs';

const BIG = '2199';
/** The old-space cap of the second page walk, in MB (see bench/pages-memory.mjs to try others). */
const CAPPED_OLD_SPACE_MB = 192;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const PAGE_QUERY = `query Page($id: ID!, $exerciseId: ID!, $after: String) { company(id: $id) {
  movements(first: 500, after: $after, filter: { exerciseId: $exerciseId }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id date journal { code } account { number name } description debit credit amount currency } } } } }`;
const START_BULK = `mutation Start($input: StartBulkExportInput!) { startBulkExport(input: $input) { id status } }`;
const POLL_BULK = `query Poll($id: ID!) { bulkExport(id: $id) { status rowCount errorCode downloadUrl } }`;

export function rawBaseline(url, headers) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./raw-parse-child.mjs', import.meta.url)), JSON.stringify({ url, headers })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`raw child exited ${code}`)),
    );
  });
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
  const started = performance.now();
  const { id } = (await gql(gatewayUrl, START_BULK, { input })).startBulkExport;
  let state;
  for (;;) {
    state = (await gql(gatewayUrl, POLL_BULK, { id })).bulkExport;
    if (state.status === 'COMPLETED' || state.status === 'FAILED') break;
    await pause(100);
  }
  if (state.status !== 'COMPLETED') throw new Error(`bulk export ${state.status}: ${state.errorCode}`);
  const producedMs = performance.now() - started;
  const response = await request(state.downloadUrl, { headers: { authorization: 'Bearer demo' } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { ms: performance.now() - started, producedMs, rows: state.rowCount, lines, bytes };
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

export async function largeExercise({ movements, log }) {
  const datasetOptions = { bigExerciseMovements: movements };
  const { exercise, companyId, exerciseId } = bigExercise(datasetOptions);
  const sims = await startSimulatorsChild(datasetOptions);
  const config = gatewayConfig(sims.urls, datasetOptions);
  try {
    // The simulators are strict by default: a MyUnisoft token answers nothing until activated once.
    await request(`${sims.urls.myunisoft}/api/v1/key/info?mode=extended`, {
      headers: {
        authorization: `Bearer ${demoCredentials.myunisoft.demo.apiToken}`,
        'x-third-party-secret': demoCredentials.myunisoft.thirdPartySecret,
      },
    }).then((response) => response.body.dump());
    const raw = await rawBaseline(
      `${sims.urls.myunisoft}/api/v1/mad/movements?version=1.0.0&idExercice=${exercise.id}`,
      {
        authorization: `Bearer ${demoCredentials.myunisoft.demo.apiToken}`,
        'x-third-party-secret': demoCredentials.myunisoft.thirdPartySecret,
        'society-id': BIG,
      },
    );
    log(
      `  raw download + JSON.parse: ${raw.count} movements, ${(raw.bytes / 1e6).toFixed(0)} MB in ${raw.ms.toFixed(0)} ms, peak RSS ${raw.peakRssMb.toFixed(0)} MB`,
    );

    const walk = async (name, nodeFlags) => {
      const gateway = await startGatewayChild(name, config, nodeFlags);
      const idleRssMb = gateway.peakRssMb();
      try {
        const result = await walkPages(gateway.url, { id: companyId, exerciseId });
        return { ...result, peakRssMb: gateway.peakRssMb(), idleRssMb, nodeFlags };
      } finally {
        await gateway.close();
      }
    };
    const pages = await walk('part3-pages', []);
    log(
      `  GraphQL pages of 500: ${pages.rows} movements in ${pages.pages} pages, ${pages.ms.toFixed(0)} ms (first page ${pages.firstPageMs.toFixed(0)} ms), gateway peak RSS ${pages.peakRssMb.toFixed(0)} MB`,
    );
    const cappedPages = await walk('part3-pages-capped', [`--max-old-space-size=${CAPPED_OLD_SPACE_MB}`]);
    log(
      `  the same with --max-old-space-size=${CAPPED_OLD_SPACE_MB}: ${cappedPages.ms.toFixed(0)} ms, gateway peak RSS ${cappedPages.peakRssMb.toFixed(0)} MB`,
    );

    const bulkGateway = await startGatewayChild('part3-bulk', config);
    const bulkIdle = bulkGateway.peakRssMb();
    let bulk;
    try {
      bulk = await bulkExport(bulkGateway.url, { companyId, exerciseId, kind: 'MOVEMENTS', format: 'JSONL' });
      bulk.peakRssMb = bulkGateway.peakRssMb();
      bulk.idleRssMb = bulkIdle;
    } finally {
      await bulkGateway.close();
    }
    log(
      `  bulk export JSONL: ${bulk.rows} rows, ${(bulk.bytes / 1e6).toFixed(0)} MB, ${bulk.ms.toFixed(0)} ms (file ready at ${bulk.producedMs.toFixed(0)} ms), gateway peak RSS ${bulk.peakRssMb.toFixed(0)} MB`,
    );
    return { movements: raw.count, raw, pages, cappedPages, bulk };
  } finally {
    await sims.close();
  }
}
