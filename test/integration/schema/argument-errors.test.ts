/**
 * docs/api.md "Argument errors": one rule for every refused argument. The same mistake written as a literal
 * or as a variable, on a root or a nested field, gets the same code (BAD_USER_INPUT), the same HTTP
 * status (400 in application/graphql-response+json, 200 in application/json), `extensions.field` and
 * `path`, and refuses the whole operation — a valid sibling field is not answered and no upstream
 * call is made. The other way: an error that needs the caller's data (an id not visible, a provider
 * lacking the capability) is a field error, and the siblings keep their data.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { companyGlobalId, encodeGlobalId } from '../../../src/domain/ids';
import { startStack, type Stack } from '../../support/stack';
import { demoCompanyIds } from '../security/demo-objects';

let stack: Stack;
let myunisoft: string;
let inqom: string;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { ...config.cache, listTtlMs: 0 } }),
  });
  ({ myunisoft, inqom } = demoCompanyIds(stack, 'demo'));
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

async function send(accept: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await request(stack.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
}

/** A sibling field that would succeed on its own: it must not be answered when an argument is refused. */
const SIBLING = 'sibling: companies(first: 1) { totalCount }';

interface Case {
  name: string;
  literal: () => string;
  variable: () => [string, Record<string, unknown>];
  field: string;
  path: string[];
}

const CASES: Case[] = [
  {
    name: 'root page size over 500',
    literal: () => `{ companies(first: 1000) { totalCount } ${SIBLING} }`,
    variable: () => [`query($n: Int) { companies(first: $n) { totalCount } ${SIBLING} }`, { n: 1000 }],
    field: 'first',
    path: ['companies'],
  },
  {
    name: 'nested page size over 500',
    literal: () => `{ company(id: "${myunisoft}") { entries(first: 1000) { totalCount } } ${SIBLING} }`,
    variable: () => [
      `query($id: ID!, $n: Int) { company(id: $id) { entries(first: $n) { totalCount } } ${SIBLING} }`,
      { id: myunisoft, n: 1000 },
    ],
    field: 'first',
    path: ['company', 'entries'],
  },
  {
    name: 'nested date that is no calendar day',
    literal: () =>
      `{ company(id: "${myunisoft}") { movements(filter: { from: "2024-02-30", to: "2024-03-30" }) { totalCount } } ${SIBLING} }`,
    variable: () => [
      `query($id: ID!, $f: MovementFilter) { company(id: $id) { movements(filter: $f) { totalCount } } ${SIBLING} }`,
      { id: myunisoft, f: { from: '2024-02-30', to: '2024-03-30' } },
    ],
    field: 'filter.from',
    path: ['company', 'movements'],
  },
  {
    name: 'entries window of 27 months',
    literal: () =>
      `{ company(id: "${myunisoft}") { entries(filter: { from: "2024-01-01", to: "2026-03-31" }) { totalCount } } ${SIBLING} }`,
    variable: () => [
      `query($id: ID!, $to: Date) { company(id: $id) { entries(filter: { from: "2024-01-01", to: $to }) { totalCount } } ${SIBLING} }`,
      { id: myunisoft, to: '2026-03-31' },
    ],
    field: 'filter.to',
    path: ['company', 'entries'],
  },
  {
    name: 'documents window of 13 months',
    literal: () =>
      `{ company(id: "${inqom}") { documents(filter: { createdFrom: "2025-01-01", createdTo: "2026-01-31" }) { totalCount } } ${SIBLING} }`,
    variable: () => [
      `query($id: ID!, $f: DocumentFilter) { company(id: $id) { documents(filter: $f) { totalCount } } ${SIBLING} }`,
      { id: inqom, f: { createdFrom: '2025-01-01', createdTo: '2026-01-31' } },
    ],
    field: 'filter.createdTo',
    path: ['company', 'documents'],
  },
  {
    name: 'unknown enum value',
    literal: () => `{ companies(provider: SAGE) { totalCount } ${SIBLING} }`,
    variable: () => [
      `query($p: Provider) { companies(provider: $p) { totalCount } ${SIBLING} }`,
      { p: 'SAGE' },
    ],
    field: 'provider',
    path: ['companies'],
  },
];

describe.each([
  ['application/graphql-response+json', 400],
  ['application/json', 200],
])('accepting %s', (accept, status) => {
  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it.each(['literal', 'variable'] as const)(
      'as a %s: one answer, whole operation refused',
      async (form) => {
        stack.sims.resetRequests();
        const [query, variables] = form === 'literal' ? [c.literal()] : c.variable();
        const answer = await send(accept, query, variables);
        expect(answer.status).toBe(status);
        expect(answer.body).not.toHaveProperty('data');
        expect(answer.body.errors).toHaveLength(1);
        expect(answer.body.errors?.[0]).toMatchObject({
          path: c.path,
          extensions: { code: 'BAD_USER_INPUT', field: c.field },
        });
        expect(answer.body.errors?.[0]?.message).toMatch(new RegExp(`^${c.field.replace('.', '\\.')}\\b`));
        expect(stack.sims.totalRequests()).toBe(0);
      },
    );
  });
});

describe('a mutation input judged from itself refuses the whole operation, earlier mutations included', () => {
  // Alone, this export would run at Jepilote: the operation's later mutation must stop it first.
  const EXPORT_FIRST = 'first: createExportJob(input: $export) { id }';
  const exportInput = () => ({ companyId: demoCompanyIds(stack, 'demo').jepilote, format: 'FEC' });
  const pleoInput = (extra: Record<string, unknown>) => {
    const pleo = stack.sims.dataset.companiesOf('pleo', 'demo')[0]!;
    const entryId = encodeGlobalId({
      type: 'Entry',
      provider: 'PLEO',
      companyId: pleo.id,
      nativeId: randomUUID(),
    });
    return { companyId: companyGlobalId('PLEO', pleo.id), entryIds: [entryId], ...extra };
  };
  const cases: [string, string, () => Record<string, unknown>, string][] = [
    [
      'an access token without scopes',
      'createAccessToken(input: $input) { token }',
      () => ({ scopes: [] }),
      'input.scopes',
    ],
    [
      'an empty idempotency key',
      'createExportJob(input: $input) { id }',
      () => ({ ...exportInput(), idempotencyKey: '' }),
      'input.idempotencyKey',
    ],
    [
      'a Pleo export given a date',
      'createExportJob(input: $input) { id }',
      () => pleoInput({ from: '2025-01-01' }),
      'input.from',
    ],
    [
      'a Pleo export given a format',
      'createExportJob(input: $input) { id }',
      () => pleoInput({ format: 'FEC' }),
      'input.format',
    ],
  ];
  it.each(cases)('%s', async (_name, second, input, field) => {
    const inputType = second.startsWith('createAccessToken')
      ? 'CreateAccessTokenInput'
      : 'CreateExportJobInput';
    stack.sims.resetRequests();
    const answer = await send(
      'application/graphql-response+json',
      `mutation($export: CreateExportJobInput!, $input: ${inputType}!) { ${EXPORT_FIRST} second: ${second} }`,
      { export: exportInput(), input: input() },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('errors that need the caller’s data are field errors', () => {
  it('an id the caller cannot see answers null beside the siblings’ data', async () => {
    const theirs = demoCompanyIds(stack, 'demo-other').myunisoft;
    const answer = await send(
      'application/graphql-response+json',
      `{ company(id: "${theirs}") { entries(first: 1) { totalCount } } ${SIBLING} }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ company: null, sibling: { totalCount: expect.any(Number) } });
  });

  it('a capability the provider lacks fails its field only', async () => {
    const { pleo } = demoCompanyIds(stack, 'demo');
    const answer = await send(
      'application/graphql-response+json',
      `{ company(id: "${pleo}") { name movements(filter: { from: "2025-01-01", to: "2025-01-31" }) { totalCount } } ${SIBLING} }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_BY_PROVIDER');
    expect(answer.body.data).toMatchObject({ sibling: { totalCount: expect.any(Number) } });
  });
});
