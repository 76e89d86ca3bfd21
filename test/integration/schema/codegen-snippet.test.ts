/**
 * docs/api.md "Codegen": the `codegen.yml` snippet, as written there, run with GraphQL Code Generator
 * against a live gateway (introspection with the API key in the header), generates typed operations
 * whose scalars are strings. Also `GET /schema.graphql`: the committed SDL, without a key.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { startStack, type Stack } from '../../support/stack';

const ROOT = resolve(__dirname, '../../..');
const WORK = join(ROOT, 'test/artifacts/codegen-snippet');
const apiGuide = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
const snippet = /## Codegen[\s\S]*?```yaml\n([\s\S]*?)```/.exec(apiGuide)?.[1] ?? '';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

it('docs/api.md holds a codegen.yml with the auth header and the scalar mappings', () => {
  expect(snippet).toContain('Authorization: Bearer ${GRAND_LIVRE_API_KEY}');
  for (const scalar of ['Decimal', 'Date', 'DateTime']) expect(snippet).toContain(`${scalar}: string`);
});

it('generates typed operations from the live gateway', async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'src'), { recursive: true });
  writeFileSync(join(WORK, 'codegen.yml'), snippet);
  writeFileSync(
    join(WORK, 'src/entries.graphql'),
    `query Entries($id: ID!, $after: String) {
      company(id: $id) { entries(first: 5, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id date debitTotal } } } } }`,
  );
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.yml'],
    {
      cwd: WORK,
      env: { ...process.env, GRAND_LIVRE_URL: stack.graphqlUrl, GRAND_LIVRE_API_KEY: 'demo' },
      timeout: 60_000,
    },
  );
  const generated = readFileSync(join(WORK, 'src/gql/graphql.ts'), 'utf8');
  expect(generated).toMatch(/Decimal: \{ input: string; output: string; \}/);
  expect(generated).toMatch(/Date: \{ input: string; output: string; \}/);
  expect(generated).toMatch(/DateTime: \{ input: string; output: string; \}/);
  expect(generated).toContain('export const EntriesDocument');
  expect(generated).not.toMatch(/Decimal: \{ input: any/);
}, 90_000);

it('serves the committed SDL at GET /schema.graphql without a key', async () => {
  const response = await request(`${stack.url}/schema.graphql`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/graphql/);
  expect(await response.body.text()).toBe(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
});

it('does not serve it where introspection is off', async () => {
  const closed = await startStack({
    sims: stack.sims,
    configure: (config) => ({ ...config, logLevel: 'silent', introspection: false }),
  });
  try {
    const response = await request(`${closed.url}/schema.graphql`);
    expect(response.statusCode).toBe(404);
    await response.body.dump();
  } finally {
    await closed.close();
  }
});
