// POSTs GraphQL to a gateway with an API key; throws on HTTP or GraphQL errors unless told not to.
// `raw` returns the whole body (data and errors) instead of its data.
import { performance } from 'node:perf_hooks';
import { request } from 'undici';

export async function gql(
  url,
  query,
  variables = {},
  { apiKey = 'demo', dispatcher, allowErrors = false, raw = false } = {},
) {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
    ...(dispatcher ? { dispatcher } : {}),
  });
  const body = JSON.parse(await response.body.text());
  if (response.statusCode !== 200 || (!allowErrors && body.errors))
    throw new Error(`GraphQL ${response.statusCode}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return raw ? body : body.data;
}

const START_BULK = `mutation Start($input: StartBulkExportInput!) { startBulkExport(input: $input) { id } }`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a bulk export, polls it every 100 ms until it ends, downloads its file counting bytes and lines.
 * `fields`: the BulkExport fields to read besides status, rowCount, errorCode and downloadUrl.
 */
export async function runBulkExport(url, input, fields = '') {
  const poll = `query Poll($id: ID!) { bulkExport(id: $id) { status rowCount errorCode downloadUrl ${fields} } }`;
  const started = performance.now();
  const { id } = (await gql(url, START_BULK, { input })).startBulkExport;
  let state;
  for (;;) {
    state = (await gql(url, poll, { id })).bulkExport;
    if (state.status === 'COMPLETED' || state.status === 'FAILED') break;
    await pause(100);
  }
  if (state.status !== 'COMPLETED')
    throw new Error(`${input.format} export ${state.status}: ${state.errorCode}`);
  const producedMs = performance.now() - started;
  const response = await request(state.downloadUrl, { headers: { authorization: 'Bearer demo' } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { ms: performance.now() - started, producedMs, state, bytes, lines };
}
