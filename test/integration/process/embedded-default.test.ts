/**
 * `npm start` as a newcomer runs it: the compiled `dist/src/main.js` with no configuration starts the
 * four simulators and the gateway in demo mode, prints the GraphQL URL and a curl line, answers
 * `companies` of all four providers with the key `demo`, and 401 without a key. The built process
 * serves the committed schema and GraphiQL's files. A wrong config file stops the process with one
 * readable line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import {
  ROOT,
  buildGateway,
  listeningUrl,
  spawnGateway,
  type GatewayProcess,
} from '../../support/gateway-process';

let dir: string;

beforeAll(() => {
  buildGateway();
  dir = mkdtempSync(join(tmpdir(), 'gl-start-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const companiesQuery = JSON.stringify({
  query: '{ companies { totalCount edges { node { id provider } } } }',
});

async function companies(url: string, key: string | null) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: companiesQuery,
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: { companies: { edges: { node: { id: string; provider: string } }[] } };
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

describe('npm start with no configuration (demo mode)', () => {
  let started: GatewayProcess;
  let url: string;
  beforeAll(async () => {
    started = spawnGateway({ PORT: '0', HOST: '127.0.0.1' });
    url = `${await listeningUrl(started)}/graphql`;
  }, 60_000);
  afterAll(async () => {
    started.child.kill('SIGTERM');
    await started.exited;
  });

  it('prints the GraphQL URL and a curl example with the demo key', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(started.output()).toContain('demo mode');
    expect(started.output()).toContain("authorization: Bearer demo'");
  });

  it('lists companies of all four providers with the key demo', async () => {
    const { status, body } = await companies(url, 'demo');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const providers = new Set(body.data!.companies.edges.map((e) => e.node.provider));
    expect([...providers].sort()).toEqual(['INQOM', 'JEPILOTE', 'MYUNISOFT', 'PLEO']);
  });

  it('gives the second demo tenant (demo-other) companies disjoint from those of demo', async () => {
    const [demo, other] = await Promise.all([companies(url, 'demo'), companies(url, 'demo-other')]);
    const ids = new Set(demo.body.data!.companies.edges.map((e) => e.node.id));
    const otherIds = other.body.data!.companies.edges.map((e) => e.node.id);
    expect(otherIds.length).toBeGreaterThan(0);
    expect(otherIds.filter((id) => ids.has(id))).toEqual([]);
  });

  // What `npm ci` builds is what partners get: the emitted contract, not a stale or partial build.
  it('serves exactly the committed schema (schema/schema.graphql)', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
      body: JSON.stringify({
        query: getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }),
      }),
    });
    const { data } = (await response.json()) as { data: IntrospectionQuery };
    const served = `${printSchema(lexicographicSortSchema(buildClientSchema(data)))}\n`;
    expect(served).toBe(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
  });

  it('serves the GraphiQL page and every file it links, resolved from node_modules at run time', async () => {
    const base = url.replace(/\/graphql$/, '');
    const page = await fetch(`${base}/graphiql`);
    expect(page.status).toBe(200);
    const links = [...(await page.text()).matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) {
      const asset = await fetch(`${base}${link}`);
      expect([link, asset.status]).toEqual([link, 200]);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('answers 401 UNAUTHENTICATED without a key or with an unknown one', async () => {
    for (const key of [null, 'not-a-key']) {
      const { status, body } = await companies(url, key);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('a wrong configuration', () => {
  it('stops the process with one readable line naming the key at fault', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ port: 'four thousand', tenants: [] }));
    const started = spawnGateway({ GRAND_LIVRE_CONFIG: path });
    expect(await started.exited).toBe(1);
    const lines = started.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toContain('port');
  }, 30_000);
});
