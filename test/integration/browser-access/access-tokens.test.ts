/**
 * Access tokens over real HTTP: minted with the API key only, a token sees only its companies (the
 * others answer exactly like unknown ids), runs only what its scopes allow (FORBIDDEN before any
 * upstream call otherwise), and is UNAUTHENTICATED once the gateway's injected clock passes its expiry.
 */
import { request } from 'undici';
import { sha256Hex } from '../../../src/auth/api-key';
import { companyGlobalId } from '../../../src/domain/ids';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';

const MINT = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token expiresAt scopes } }`;
const COMPANIES = `{ companies(first: 100) { totalCount edges { node { id provider } } } }`;
const COMPANY = `query ($id: ID!) { company(id: $id) { id name } }`;
const EXPORT = `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { id status } }`;

let stack: Stack;
let clock = Date.parse('2026-12-01T10:00:00.000Z');

beforeAll(async () => {
  stack = await startStack({ now: () => clock, configure: (c) => ({ ...c, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

async function mint(input: Record<string, unknown>, key = 'demo') {
  const { body } = await stack.gql<{
    createAccessToken: { token: string; expiresAt: string; scopes: string[] };
  }>(MINT, { input }, key);
  if (!body.data?.createAccessToken) throw new Error(JSON.stringify(body.errors));
  return body.data.createAccessToken;
}

describe('createAccessToken', () => {
  it('mints a 15-minute token by default, at most 24 hours, with the scopes asked', async () => {
    const token = await mint({ scopes: ['READ', 'READ', 'EXPORT'] });
    expect(token.expiresAt).toBe(new Date(clock + 15 * 60_000).toISOString());
    expect(token.scopes).toEqual(['READ', 'EXPORT']);
    const day = await mint({ scopes: ['READ'], ttlSeconds: 86_400 });
    expect(day.expiresAt).toBe(new Date(clock + 86_400_000).toISOString());
    const tooLong = await stack.gql(MINT, { input: { scopes: ['READ'], ttlSeconds: 86_401 } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.ttlSeconds',
    });
    const none = await stack.gql(MINT, { input: { scopes: [] } });
    expect(none.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.scopes',
    });
  });

  it('refuses a company of another tenant like an unknown one', async () => {
    const foreign = demoCompany(stack.sims, 'jepilote', 'demo-other');
    const { body } = await stack.gql(MINT, { input: { scopes: ['READ'], companyIds: [foreign.id] } });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.companyIds.0' });
  });

  it('cannot be called with an access token: FORBIDDEN', async () => {
    const { token } = await mint({ scopes: ['READ', 'EXPORT', 'UPLOAD'] });
    const { status, body } = await stack.gql(MINT, { input: { scopes: ['READ'] } }, token);
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
  });
});

describe('a token naming companies', () => {
  it('lists and reads only those companies; the others answer like unknown ids', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const inqom = demoCompany(stack.sims, 'inqom');
    const { token } = await mint({ scopes: ['READ'], companyIds: [jepilote.id] });
    const listed = await stack.gql<{ companies: { totalCount: number; edges: { node: { id: string } }[] } }>(
      COMPANIES,
      {},
      token,
    );
    expect(listed.body.data?.companies.edges.map((e) => e.node.id)).toEqual([jepilote.id]);
    expect(listed.body.data?.companies.totalCount).toBe(1);
    expect((await stack.gql(COMPANY, { id: jepilote.id }, token)).body.data).toEqual({
      company: { id: jepilote.id, name: jepilote.gen.name },
    });
    const hidden = await stack.gql(COMPANY, { id: inqom.id }, token);
    const unknown = await stack.gql(COMPANY, { id: companyGlobalId('INQOM', '999999') }, token);
    expect(hidden.body).toEqual({ data: { company: null } });
    expect(hidden.body).toEqual(unknown.body);
  });
});

describe('scopes', () => {
  it('READ runs queries but no mutation; nothing reaches a provider', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const { token } = await mint({ scopes: ['READ'] });
    stack.sims.resetRequests();
    const refused = await stack.gql(EXPORT, { input: { companyId: jepilote.id, format: 'FEC' } }, token);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.errors?.[0]?.message).toContain('EXPORT');
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('checks mutations behind aliases and fragments too', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const { token } = await mint({ scopes: ['READ', 'UPLOAD'] });
    const input = { companyId: jepilote.id, format: 'FEC' };
    const hidden = [
      `mutation ($input: CreateExportJobInput!) { x: createExportJob(input: $input) { id } }`,
      `mutation ($input: CreateExportJobInput!) { ...F } fragment F on Mutation { createExportJob(input: $input) { id } }`,
      `mutation ($input: CreateExportJobInput!) { ... on Mutation { createExportJob(input: $input) { id } } }`,
    ];
    stack.sims.resetRequests();
    for (const query of hidden) {
      const refused = await stack.gql(query, { input }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(stack.sims.totalRequests()).toBe(0);
  });

  it('EXPORT runs exports only, for its own companies only', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const other = stack.sims.dataset.companiesOf('jepilote', 'demo')[1];
    if (!other) throw new Error('the dataset gives demo one Jepilote company only');
    const { token } = await mint({ scopes: ['EXPORT'], companyIds: [jepilote.id] });
    const query = await stack.gql(COMPANIES, {}, token);
    expect(query.status).toBe(403);
    expect(query.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const upload = await stack.gql(
      `mutation ($input: CreateExpenseBillInput!) { createExpenseBill(input: $input) { id } }`,
      { input: { companyId: jepilote.id, beneficiaryFullName: 'Camille Martin', reference: 'NDF-1' } },
      token,
    );
    expect(upload.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await stack.gql<{ createExportJob: { status: string } }>(
      EXPORT,
      { input: { companyId: jepilote.id, format: 'FEC', includeAlreadyExported: true } },
      token,
    );
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data?.createExportJob.status).toBe('COMPLETED');
    const input = { companyId: companyGlobalId('JEPILOTE', other.id), format: 'FEC' };
    const foreign = await stack.gql(EXPORT, { input }, token);
    expect(foreign.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.companyId' });
  });
});

describe("a mutation's answer without READ", () => {
  const READING = `mutation ($input: CreateExportJobInput!) {
    createExportJob(input: $input) { id status ...more } }
    fragment more on ExportJob { company { name exportJobs(first: 2) { totalCount } } }`;

  it('stops at the object it returns: its company and listings need READ, and nothing runs', async () => {
    const jepilote = demoCompany(stack.sims, 'jepilote');
    const input = { companyId: jepilote.id, format: 'FEC', includeAlreadyExported: true };
    const { token } = await mint({ scopes: ['EXPORT'], companyIds: [jepilote.id] });
    stack.sims.resetRequests();
    const refused = await stack.gql(READING, { input }, token);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.errors?.[0]?.message).toMatch(/^company: .*READ/);
    expect(stack.sims.totalRequests()).toBe(0);
    const reader = await mint({ scopes: ['READ', 'EXPORT'], companyIds: [jepilote.id] });
    const answered = await stack.gql<{ createExportJob: { company: { name: string } } }>(
      READING,
      { input },
      reader.token,
    );
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data?.createExportJob.company.name).toEqual(expect.any(String));
  });
});

describe('expiry and transport', () => {
  it('answers UNAUTHENTICATED once the token has expired', async () => {
    const { token, expiresAt } = await mint({ scopes: ['READ'], ttlSeconds: 60 });
    expect((await stack.gql(COMPANIES, {}, token)).status).toBe(200);
    const saved = clock;
    clock = Date.parse(expiresAt);
    try {
      const expired = await stack.gql(COMPANIES, {}, token);
      expect(expired.status).toBe(401);
      expect(expired.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      clock = saved;
    }
  });

  it('never takes a key or token from the query string', async () => {
    const { token } = await mint({ scopes: ['READ'] });
    for (const param of ['access_token', 'token', 'api_key', 'apiKey', 'key']) {
      for (const value of [token, 'demo']) {
        const url = `${stack.graphqlUrl}?query=${encodeURIComponent(COMPANIES)}&${param}=${encodeURIComponent(value)}`;
        const response = await request(url, { headers: { 'apollo-require-preflight': 'true' } });
        await response.body.dump();
        expect(response.statusCode).toBe(401);
      }
    }
  });

  it('dies with the API key that minted it once the tenant rotates that key out', async () => {
    const next = 'demo-next-key';
    const withKeys = (...keys: string[]) =>
      startStack({
        sims: stack.sims,
        now: () => clock,
        configure: (c) => ({
          ...c,
          logLevel: 'silent',
          signingSecret: 'access-tokens-rotation-signing-secret-0123456789',
          tenants: c.tenants.map((t) => (t.id === 'demo' ? { ...t, apiKeySha256: keys.map(sha256Hex) } : t)),
        }),
      });
    const rotating = await withKeys('demo', next);
    const rotated = await withKeys(next);
    try {
      const minted = async (key: string) => {
        const { body } = await rotating.gql<{ createAccessToken: { token: string } }>(
          MINT,
          { input: { scopes: ['READ'] } },
          key,
        );
        return body.data!.createAccessToken.token;
      };
      const [old, fresh] = [await minted('demo'), await minted(next)];
      expect((await rotating.gql(COMPANIES, {}, old)).status).toBe(200);
      const refused = await rotated.gql(COMPANIES, {}, old);
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await rotated.gql(COMPANIES, {}, fresh)).status).toBe(200);
    } finally {
      await rotated.close();
      await rotating.close();
    }
  });

  it('refuses a token edited to name another tenant or more scopes', async () => {
    const { token } = await mint({ scopes: ['READ'] });
    const [, payload = '', mac = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, s: ['READ', 'EXPORT'] })).toString('base64url');
    for (const forged of [`demo-other.${payload}.${mac}`, `demo.${widened}.${mac}`])
      expect((await stack.gql(COMPANIES, {}, forged)).status).toBe(401);
  });
});
