/**
 * No secret ever leaves the gateway. Every provider credential is a distinct value given through an
 * `{ env }` reference; every log line is captured at `trace`; upstream failures of every fault kind
 * are injected on every provider (data routes and login routes), providers refuse wrong secrets
 * (401), Inqom's token expires and is refreshed, mutations and downloads fail upstream, and bad
 * requests are sent. Then every response body and header and every log line is scanned for every
 * secret — raw, base64, base64url, URL-encoded, as Basic `user:pass` — and for every provider token
 * the gateway was issued. None may appear.
 */
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { parseConfig, type ConfigInput } from '../../../src/config';
import { companyGlobalId } from '../../../src/domain/ids';
import { createGateway, type Gateway } from '../../../src/gateway';
import { createLogger } from '../../../src/logger';
import { buildDemoConfig } from '../../../src/simulators/demo-config';
import type { FaultSpec } from '../../../src/simulators/faults';
import { startSimulators, type RunningSimulators, type SimulatorName } from '../../../src/simulators/harness';
import { PROBES, PROBE_QUERY, errorsOf } from '../faults/provider-probes';
import { LogCapture, TokenRecordingStore, findNeedles, needlesOf } from './secret-haystack';
import { UNLIMITED_UPSTREAM } from '../../support/stack';

type TenantInput = ConfigInput['tenants'][number];
type Body = {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[];
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const API_KEYS = {
  demo: 'gl-api-key-demo-Vq7ZkR2mWx',
  'demo-other': 'gl-api-key-other-Hs4NcY8pLt',
  'wrong-a': 'gl-api-key-wronga-Pf3JdQ6uEb',
  'wrong-b': 'gl-api-key-wrongb-Km9TgW1rXa',
};
const freshKey = (i: number) => `gl-api-key-fresh${i}-Zt${i}Bn5cLo`;
const UNKNOWN_API_KEY = 'gl-api-key-unknown-Ry6DwE0sJi';

/** The provider credentials of one tenant, each of which becomes an env variable. */
interface Credentials {
  jepilotePassword: string;
  myunisoftToken: string;
  myunisoftThirdPartySecret: string;
  inqomPassword: string;
  inqomClientSecret: string;
  /** Pleo basic API key or bearer token, whichever the tenant uses. */
  pleo: string;
}

const env: NodeJS.ProcessEnv = {};
/** Every secret configured, by label: what the scan looks for. */
const secrets: Record<string, string> = {};
const basicPairs: Record<string, [string, string]> = {};

function envRef(name: string, value: string) {
  env[name] = value;
  secrets[name] = value;
  return { env: name };
}

const text = (value: unknown) => {
  if (typeof value !== 'string') throw new Error('the demo config should hold literal secrets');
  return value;
};

function credentialsOf(tenant: TenantInput): Credentials {
  const p = tenant.providers;
  const pleo = p.pleo!.auth;
  return {
    jepilotePassword: text(p.jepilote!.password),
    myunisoftToken: text(p.myunisoft!.apiToken),
    myunisoftThirdPartySecret: text(p.myunisoft!.thirdPartySecret),
    inqomPassword: text(p.inqom!.password),
    inqomClientSecret: text(p.inqom!.clientSecret),
    pleo: text(pleo.type === 'basic' ? pleo.apiKey : pleo.token),
  };
}

/** `base` under another id and key, every credential an env reference to `credentials`. */
function tenantWithEnvSecrets(base: TenantInput, id: string, apiKey: string, c: Credentials): TenantInput {
  const p = base.providers;
  const name = (key: string) => `GL_SCAN_${id.toUpperCase().replace(/-/g, '_')}_${key}`;
  const pleoAuth =
    p.pleo!.auth.type === 'basic'
      ? { type: 'basic' as const, apiKey: envRef(name('PLEO_API_KEY'), c.pleo) }
      : { type: 'bearer' as const, token: envRef(name('PLEO_TOKEN'), c.pleo) };
  if (pleoAuth.type === 'basic') basicPairs[name('PLEO_API_KEY')] = [c.pleo, ''];
  basicPairs[name('JEPILOTE')] = [text(p.jepilote!.username), c.jepilotePassword];
  secrets[`${id} API key`] = apiKey;
  return {
    ...base,
    id,
    name: id,
    apiKeySha256: [sha256(apiKey)],
    providers: {
      jepilote: { ...p.jepilote!, password: envRef(name('JEPILOTE_PASSWORD'), c.jepilotePassword) },
      myunisoft: {
        ...p.myunisoft!,
        apiToken: envRef(name('MYUNISOFT_TOKEN'), c.myunisoftToken),
        thirdPartySecret: envRef(name('MYUNISOFT_SECRET'), c.myunisoftThirdPartySecret),
      },
      inqom: {
        ...p.inqom!,
        password: envRef(name('INQOM_PASSWORD'), c.inqomPassword),
        clientSecret: envRef(name('INQOM_CLIENT_SECRET'), c.inqomClientSecret),
      },
      pleo: { ...p.pleo!, auth: pleoAuth },
    },
  };
}

const FAULTS: [FaultSpec['kind'], Omit<FaultSpec, 'kind'>][] = [
  ['latency', { ms: 1_500 }],
  ['status', { status: 503 }],
  ['status', { status: 401 }],
  ['rate_limit', { retryAfter: 30 }],
  ['reset', {}],
  ['stall', {}],
  ['malformed_json', {}],
  ['drift', {}],
  ['reset_after_commit', {}],
  // Error bodies echoing the request (headers with the token, the login form, the body) in every field.
  ['echo', { status: 400 }],
  ['echo', { status: 401, errorList: true }],
];
const PROVIDERS = Object.keys(PROBES) as SimulatorName[];

let clock = Date.now();
let sims: RunningSimulators;
let gateway: Gateway;
let baseUrl: string;
const logs = new LogCapture();
const store = new TokenRecordingStore();
/** Every response the gateway gave, as text: bodies and headers. */
const responses: { where: string; text: string }[] = [];

beforeAll(async () => {
  // The simulators' clock is moved by hand (token expiry): their quota windows would never reset.
  sims = await startSimulators({ now: () => clock, enforceRateLimits: false });
  const demo = buildDemoConfig({ urls: sims.urls, dataset: sims.dataset, port: 0 });
  const [demoTenant, otherTenant] = demo.tenants as [TenantInput, TenantInput];
  const right = { demo: credentialsOf(demoTenant), other: credentialsOf(otherTenant) };
  const wrong = (tag: string): Credentials => ({
    jepilotePassword: `jp-wrong-password-${tag}-Qx81`,
    myunisoftToken: `mu-wrong-token-${tag}-Lk27`,
    myunisoftThirdPartySecret: `mu-wrong-third-party-${tag}-Vb64`,
    inqomPassword: `iq-wrong-password-${tag}-Nw39`,
    inqomClientSecret: `iq-wrong-client-secret-${tag}-Tc50`,
    pleo: `pleo-wrong-credential-${tag}-Gh72`,
  });
  const raw: ConfigInput = {
    ...demo,
    signingSecret: envRef('GL_SCAN_SIGNING_SECRET', `signing-secret-${'Sx9'.repeat(12)}`),
    logLevel: 'trace',
    cache: { listTtlMs: 0 },
    upstream: UNLIMITED_UPSTREAM,
    http: { headersTimeoutMs: 250, bodyTimeoutMs: 250, maxRetries: 0, breaker: { failureThreshold: 1_000 } },
    tenants: [
      tenantWithEnvSecrets(demoTenant, 'demo', API_KEYS.demo, right.demo),
      tenantWithEnvSecrets(otherTenant, 'demo-other', API_KEYS['demo-other'], right.other),
      // Every credential wrong (Pleo basic).
      tenantWithEnvSecrets(demoTenant, 'wrong-a', API_KEYS['wrong-a'], wrong('a')),
      // Right user names and MyUnisoft token, wrong secrets beside them (Pleo bearer).
      tenantWithEnvSecrets(otherTenant, 'wrong-b', API_KEYS['wrong-b'], {
        ...right.other,
        jepilotePassword: wrong('b').jepilotePassword,
        myunisoftThirdPartySecret: wrong('b').myunisoftThirdPartySecret,
        inqomClientSecret: wrong('b').inqomClientSecret,
        pleo: wrong('b').pleo,
      }),
      // Tenants that have not logged in yet: each meets one fault on the login routes.
      ...FAULTS.map((_, i) => tenantWithEnvSecrets(demoTenant, `fresh-${i}`, freshKey(i), right.demo)),
    ],
  };
  const config = parseConfig(raw, env);
  gateway = await createGateway({ config, store, logger: createLogger('trace', logs) });
  baseUrl = await gateway.listen();
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  await sims?.close();
});
afterEach(() => Object.values(sims.simulators).forEach((sim) => sim.faults.clear()));

/** Any HTTP request to the gateway; the answer (body and headers) joins the haystack. */
async function send(
  path: string,
  options: {
    method?: 'GET' | 'POST';
    apiKey?: string | null;
    body?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const response = await request(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.body.text();
  responses.push({ where: `response to ${path}`, text: `${JSON.stringify(response.headers)}\n${text}` });
  return { status: response.statusCode, text };
}

async function gql(query: string, variables: Record<string, unknown>, apiKey: string) {
  const { status, text } = await send('/graphql', {
    method: 'POST',
    apiKey,
    body: JSON.stringify({ query, variables }),
  });
  return { status, body: JSON.parse(text) as Body };
}

const haystackOf = () => [...responses, ...logs.lines.map((text, i) => ({ where: `log line ${i}`, text }))];
const pleoCompanyOf = (owner: 'demo' | 'demo-other') =>
  companyGlobalId('PLEO', sims.dataset.companiesOf('pleo', owner)[0]!.id);
const probe = (apiKey: string, owner: 'demo' | 'demo-other' = 'demo') =>
  gql(PROBE_QUERY, { pleo: pleoCompanyOf(owner) }, apiKey);
const codesOf = (body: Body, provider: SimulatorName) =>
  errorsOf(body as never, provider).map((e) => e.extensions?.code);

describe('secret scan', () => {
  it('serves both demo tenants through env-referenced credentials', async () => {
    for (const [key, owner] of [
      [API_KEYS.demo, 'demo'],
      [API_KEYS['demo-other'], 'demo-other'],
    ] as const) {
      const { status, body } = await probe(key, owner);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
  });

  it.each(PROVIDERS.flatMap((provider) => FAULTS.map(([kind, extra]) => [provider, kind, extra] as const)))(
    'fails %s on its data route with %s',
    async (provider, kind, extra) => {
      const route = PROBES[provider];
      sims.simulators[provider].faults.add({ kind, method: route.method, path: route.path, ...extra });
      const { body } = await probe(API_KEYS.demo);
      expect(codesOf(body, provider).length).toBeGreaterThan(0);
    },
  );

  it.each(FAULTS.map(([kind, extra], i) => [kind, extra, i] as const))(
    'fails the Inqom token and Jepilote login routes with %s',
    async (kind, extra, i) => {
      sims.simulators.inqom.faults.add({ kind, method: 'POST', path: '^/identity/connect/token$', ...extra });
      sims.simulators.jepilote.faults.add({ kind, path: '^/login_check$', ...extra });
      const { body } = await probe(freshKey(i));
      expect(codesOf(body, 'inqom').length).toBeGreaterThan(0);
      expect(codesOf(body, 'jepilote').length).toBeGreaterThan(0);
    },
  );

  it('reports providers refusing wrong secrets (401s) as UPSTREAM_ERROR', async () => {
    for (const [key, owner] of [
      [API_KEYS['wrong-a'], 'demo'],
      [API_KEYS['wrong-b'], 'demo-other'],
    ] as const) {
      const { body } = await probe(key, owner);
      for (const provider of PROVIDERS) expect(codesOf(body, provider)).toEqual(['UPSTREAM_ERROR']);
    }
  });

  it('refreshes an Inqom token the provider expired, still answering', async () => {
    const before = store.issuedTokens.size;
    clock += 2 * 3600_000; // the simulator's clock passes the token's expiry
    const { body } = await probe(API_KEYS.demo);
    expect(codesOf(body, 'inqom')).toEqual([]);
    expect(store.issuedTokens.size).toBeGreaterThan(before);
  });

  it('fails an export, its download and an upload upstream', async () => {
    const jepilote = companyGlobalId('JEPILOTE', sims.dataset.companiesOf('jepilote', 'demo')[0]!.id);
    const exportJob = `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { id file { downloadUrl } } }`;
    const input = { companyId: jepilote, format: 'FEC', includeAlreadyExported: true };
    sims.simulators.jepilote.faults.add({
      kind: 'status',
      status: 500,
      path: '^/export_documents$',
      times: 1,
    });
    expect((await gql(exportJob, { input }, API_KEYS.demo)).body.errors?.[0]?.extensions?.code).toBe(
      'UPSTREAM_ERROR',
    );
    const done = await gql(exportJob, { input }, API_KEYS.demo);
    const url = (done.body.data?.createExportJob as { file: { downloadUrl: string } }).file.downloadUrl;
    for (const [kind, extra] of FAULTS.filter(([k]) => k !== 'latency')) {
      sims.simulators.jepilote.faults.add({ kind, path: '^/get_export/', ...extra, times: 1 });
      // A body failing after the headers were streamed can only cut the connection.
      const outcome = await send(new URL(url).pathname, { apiKey: API_KEYS.demo }).catch((e: Error) => e);
      if (outcome instanceof Error) responses.push({ where: `download with ${kind}`, text: outcome.message });
      else expect(outcome.status).toBeGreaterThanOrEqual(200);
      sims.simulators.jepilote.faults.clear();
    }
    const inqom = companyGlobalId('INQOM', sims.dataset.companiesOf('inqom', 'demo')[0]!.id);
    sims.simulators.inqom.faults.add({ kind: 'status', status: 500, method: 'POST', path: '/Documents/?$' });
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: `mutation ($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }`,
        variables: { input: { companyId: inqom, type: 'OTHER', file: null } },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append(
      '0',
      new Blob([Buffer.from('%PDF-1.4\nscan\n%%EOF')], { type: 'application/pdf' }),
      'scan.pdf',
    );
    const upload = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEYS.demo}`, 'apollo-require-preflight': 'true' },
      body: form,
    });
    const text = await upload.text();
    responses.push({ where: 'upload response', text: `${JSON.stringify([...upload.headers])}\n${text}` });
    expect((JSON.parse(text) as Body).errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
  });

  it('reduces write refusals that echo the request to codes and parameter names', async () => {
    const exportJob = `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { id } }`;
    const jepilote = companyGlobalId('JEPILOTE', sims.dataset.companiesOf('jepilote', 'demo')[0]!.id);
    sims.simulators.jepilote.faults.add({
      kind: 'echo',
      status: 400,
      errorList: true,
      method: 'POST',
      path: '^/export_documents$',
      times: 1,
    });
    const refused = await gql(exportJob, { input: { companyId: jepilote, format: 'FEC' } }, API_KEYS.demo);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^JEPILOTE: export refused/),
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    const pleoEntries = await gql(
      `query ($id: ID!) { company(id: $id) { entries(first: 5) { edges { node { id } } } } }`,
      { id: pleoCompanyOf('demo') },
      API_KEYS.demo,
    );
    const entryIds = (
      pleoEntries.body.data as { company: { entries: { edges: { node: { id: string } }[] } } }
    ).company.entries.edges.map((edge) => edge.node.id);
    for (const status of [400, 409, 422]) {
      sims.simulators.pleo.faults.add({
        kind: 'echo',
        status,
        method: 'POST',
        path: '^/v3/export-jobs$',
        times: 1,
      });
      const pleo = await gql(
        exportJob,
        { input: { companyId: pleoCompanyOf('demo'), entryIds } },
        API_KEYS.demo,
      );
      expect(pleo.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    }
  });

  it('answers bad requests and bad keys without echoing a secret', async () => {
    expect((await send('/graphql', { method: 'POST', apiKey: UNKNOWN_API_KEY, body: '{}' })).status).toBe(
      401,
    );
    expect((await send('/graphql', { method: 'POST', body: '{"query":"{ __typename }"}' })).status).toBe(401);
    expect(
      (
        await send('/graphql', {
          method: 'POST',
          headers: { authorization: `Basic ${API_KEYS.demo}` },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect(
      (await send('/graphql', { method: 'POST', apiKey: API_KEYS.demo, body: '{"query": ' })).status,
    ).toBe(400);
    const bad = [
      [`{ node(id: "not-an-id") { id } }`, {}],
      [`{ companies(first: -1) { totalCount } }`, {}],
      [`{ nope }`, {}],
      [
        `query ($id: ID!) { company(id: $id) { entries(filter: { from: "2026-02-30" }) { totalCount } } }`,
        { id: pleoCompanyOf('demo') },
      ],
      [
        `query ($id: ID!) { company(id: $id) { movements(first: 1) { totalCount } } }`,
        { id: pleoCompanyOf('demo') },
      ],
    ] as const;
    for (const [query, variables] of bad) {
      const { body } = await gql(query, variables, API_KEYS.demo);
      expect(body.errors?.length).toBeGreaterThan(0);
    }
    await send('/exports/not-a-token', { apiKey: API_KEYS.demo });
    await send('/bulk-exports/not-a-token', { apiKey: API_KEYS['demo-other'] });
  });

  it('finds no secret, in any form, in any response or log line', () => {
    // The scan is only as good as what it read: tokens were issued and failures were logged.
    expect(store.issuedTokens.size).toBeGreaterThanOrEqual(4);
    expect(logs.lines.length).toBeGreaterThan(200);
    expect(logs.lines.some((line) => line.includes('UPSTREAM_'))).toBe(true);
    // The echoed requests' header lines (raw or URL-encoded) never came back.
    const echoed = /host(: |%3A%20)127\.0\.0\.1/i;
    expect(
      haystackOf()
        .filter(({ text }) => echoed.test(text))
        .map(({ where }) => where),
    ).toEqual([]);
    const issued = Object.fromEntries(
      [...store.issuedTokens].map((token, i) => [`issued token #${i}`, token]),
    );
    const needles = needlesOf({ ...secrets, ...issued, 'unknown API key': UNKNOWN_API_KEY }, basicPairs);
    const haystacks = [...responses, ...logs.lines.map((text, i) => ({ where: `log line ${i}`, text }))];
    expect(findNeedles(needles, haystacks)).toEqual([]);
  });
});
