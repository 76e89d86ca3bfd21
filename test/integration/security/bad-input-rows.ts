/**
 * The rows of the bad-input corpus: hostile or malformed requests, each with the answer it must get.
 * Ids, cursors and entries are read from the running gateway (`CorpusIds`), never written here.
 */
import { json, multipartBody, type RawRequest } from './hostile-request';

export interface CorpusIds {
  /** demo's first company at each provider. */
  jepilote: string;
  myunisoft: string;
  inqom: string;
  pleo: string;
  /** An exercise and a cursor of demo's MyUnisoft company, a cursor of demo's companies. */
  exercise: string;
  entriesCursor: string;
  companiesCursor: string;
  /** demo's Pleo entries (for entryIds), and demo-other's Pleo company. */
  pleoEntries: string[];
  otherPleo: string;
}

export interface CorpusRow {
  name: string;
  request: (ids: CorpusIds) => RawRequest;
  status: number;
  /** `extensions.code` of the first error; null: no error, the answer is `data` with a null field. */
  code: string | null;
  field?: string;
  limit?: string;
}

const MOVEMENTS =
  'query($id: ID!, $f: MovementFilter, $first: Int, $after: String) { company(id: $id) { movements(filter: $f, first: $first, after: $after) { totalCount } } }';
const ENTRIES =
  'query($id: ID!, $f: EntryFilter, $first: Int, $after: String) { company(id: $id) { entries(filter: $f, first: $first, after: $after) { totalCount } } }';
const DOCUMENTS =
  'query($id: ID!, $f: DocumentFilter) { company(id: $id) { documents(filter: $f) { totalCount } } }';
const COMPANIES =
  'query($first: Int, $after: String) { companies(first: $first, after: $after) { totalCount } }';
const EXPORT = 'mutation($input: CreateExportJobInput!) { createExportJob(input: $input) { id } }';
const BULK = 'mutation($input: StartBulkExportInput!) { startBulkExport(input: $input) { id } }';
const UPLOAD = 'mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { id name } }';

const movements =
  (f: unknown, extra: Record<string, unknown> = {}) =>
  (ids: CorpusIds) =>
    json(MOVEMENTS, { id: ids.myunisoft, f, ...extra });
const entries =
  (f: unknown, extra: Record<string, unknown> = {}) =>
  (ids: CorpusIds) =>
    json(ENTRIES, { id: ids.myunisoft, f, ...extra });
const jepiloteExport =
  (input: Record<string, unknown>, apiKey = 'demo') =>
  (ids: CorpusIds) =>
    json(EXPORT, { input: { companyId: ids.jepilote, format: 'FEC', ...input } }, { apiKey });
const base64 = (text: string) => Buffer.from(text).toString('base64url');
/** Flips one character of a signed token's signature. */
const tamper = (token: string) => token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
const PDF = Buffer.from('%PDF-1.4 corpus');
const uploadOperations = (companyId: string) =>
  JSON.stringify({ query: UPLOAD, variables: { input: { companyId, type: 'OTHER', file: null } } });
const MAP = JSON.stringify({ 0: ['variables.input.file'] });
const multipart = (
  parts: Parameters<typeof multipartBody>[0],
  options?: Parameters<typeof multipartBody>[1],
) => {
  const { headers, body } = multipartBody(parts, options);
  return { headers, body };
};
const deep = (levels: number) =>
  `{ companies { edges { node { ${'exercises { company { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: companies { totalCount }`).join(' ')} }`;
const fragmentBomb = (levels: number) =>
  [
    '{ companies(first: 1) { edges { node { ...F' + levels + ' } } } }',
    'fragment F0 on Company { name }',
    ...Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Company { ...F${i} ...F${i} }`),
  ].join('\n');

export const CORPUS: CorpusRow[] = [
  // Dates
  {
    name: 'date literal 2024-02-30',
    request: (ids) =>
      json(
        `{ company(id: "${ids.myunisoft}") { movements(filter: { from: "2024-02-30", to: "2024-03-30" }) { totalCount } } }`,
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.from',
  },
  {
    name: 'date variable 2024-13-01',
    request: movements({ from: '2024-13-01', to: '2024-12-31' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'date variable "yesterday"',
    request: movements({ from: 'yesterday', to: '2024-12-31' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'entries date literal "yesterday"',
    request: (ids) =>
      json(`{ company(id: "${ids.myunisoft}") { entries(filter: { from: "yesterday" }) { totalCount } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.from',
  },
  {
    name: 'documents createdFrom 2023-02-29',
    request: (ids) => json(DOCUMENTS, { id: ids.inqom, f: { createdFrom: '2023-02-29' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'date with a time',
    request: movements({ from: '2024-01-01T00:00:00Z', to: '2024-02-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'export job date 2024-00-10',
    request: jepiloteExport({ from: '2024-00-10' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  // Windows
  {
    name: 'movements window reversed',
    request: movements({ from: '2024-03-01', to: '2024-02-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.to',
  },
  {
    name: 'entries window reversed',
    request: entries({ from: '2024-03-01', to: '2024-02-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.to',
  },
  {
    name: 'documents window reversed',
    request: (ids) =>
      json(DOCUMENTS, { id: ids.inqom, f: { createdFrom: '2024-03-01', createdTo: '2024-01-01' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.createdTo',
  },
  {
    name: 'export job window reversed',
    request: jepiloteExport({ from: '2024-03-01', to: '2024-02-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.to',
  },
  {
    name: 'movements window of 18 months',
    request: movements({ from: '2024-01-01', to: '2025-06-30' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.to',
  },
  {
    name: 'movements window of 12 months and a day',
    request: movements({ from: '2024-01-01', to: '2025-01-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.to',
  },
  {
    name: 'bulk export window of 13 months',
    request: (ids) =>
      json(BULK, {
        input: {
          companyId: ids.myunisoft,
          kind: 'MOVEMENTS',
          format: 'JSONL',
          from: '2024-01-01',
          to: '2025-02-01',
        },
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.to',
  },
  {
    name: 'movements with exerciseId and a window',
    request: (ids) => movements({ exerciseId: ids.exercise, from: '2024-01-01', to: '2024-02-01' })(ids),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.exerciseId',
  },
  {
    name: 'bulk export with exerciseId and a window',
    request: (ids) =>
      json(BULK, {
        input: {
          companyId: ids.myunisoft,
          kind: 'MOVEMENTS',
          format: 'JSONL',
          exerciseId: ids.exercise,
          from: '2024-01-01',
          to: '2024-02-01',
        },
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.exerciseId',
  },
  {
    name: 'movements with neither exercise nor window',
    request: movements({}),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.exerciseId',
  },
  {
    name: 'movements from without to',
    request: movements({ from: '2024-01-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.to',
  },
  {
    name: 'exercise movements naming another exercise',
    request: (ids) =>
      json(
        `{ company(id: "${ids.myunisoft}") { exercises { movements(filter: { exerciseId: "${ids.exercise}" }) { totalCount } } } }`,
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.exerciseId',
  },
  // Enums
  {
    name: 'unknown provider literal',
    request: () => json('{ companies(provider: SAGE) { totalCount } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'provider',
  },
  {
    name: 'unknown document type variable',
    request: (ids) => json(DOCUMENTS, { id: ids.inqom, f: { type: 'RECEIPT' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'unknown export format variable',
    request: jepiloteExport({ format: 'XLS' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'unknown lettering literal',
    request: (ids) =>
      json(
        `{ company(id: "${ids.myunisoft}") { movements(filter: { exerciseId: "${ids.exercise}", lettering: MAYBE }) { totalCount } } }`,
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.lettering',
  },
  {
    name: 'enum given as a lowercase string',
    request: () =>
      json(
        COMPANIES.replace('$first: Int', '$first: Int, $p: Provider').replace(
          'first: $first',
          'provider: $p, first: $first',
        ),
        { p: 'pleo' },
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  // first
  {
    name: 'companies first -1',
    request: () => json(COMPANIES, { first: -1 }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  {
    name: 'companies first 501',
    request: () => json(COMPANIES, { first: 501 }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  {
    name: 'entries first -5',
    request: entries(null, { first: -5 }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  {
    name: 'movements first 100000',
    request: (ids) => movements({ exerciseId: ids.exercise }, { first: 100_000 })(ids),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  {
    name: 'first beyond 32 bits (literal)',
    request: () => json('{ companies(first: 99999999999) { totalCount } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  {
    name: 'first beyond 32 bits (variable)',
    request: () => json(COMPANIES, { first: 1e12 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { name: 'first 1.5', request: () => json(COMPANIES, { first: 1.5 }), status: 400, code: 'BAD_USER_INPUT' },
  // Cursors
  {
    name: 'cursor of garbage',
    request: () => json(COMPANIES, { after: 'garbage' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'cursor of base64 junk',
    request: () => json(COMPANIES, { after: `${base64('{"junk":true}')}.${base64('sig')}` }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'signed cursor tampered',
    request: (ids) => json(COMPANIES, { after: tamper(ids.companiesCursor) }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'cursor payload re-signed by nobody',
    request: (ids) =>
      json(COMPANIES, {
        after: `${base64('{"t":"demo","c":"x","r":"999"}')}.${ids.companiesCursor.split('.')[1]}`,
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'empty cursor',
    request: () => json(COMPANIES, { after: '' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'nested cursor of 5,000 characters',
    request: entries(null, { after: 'x'.repeat(5_000) }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'cursor of another tenant',
    request: (ids) => json(COMPANIES, { after: ids.companiesCursor }, { apiKey: 'demo-other' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  // Ids
  {
    name: 'malformed company id',
    request: () => json('{ company(id: "nope") { id } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'id of base64 junk',
    request: () => json('query($id: ID!) { node(id: $id) { id } }', { id: base64('["g1","Company"]') }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'empty id',
    request: () => json('{ node(id: "") { id } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'id of 10,000 characters',
    request: () => json('query($id: ID!) { node(id: $id) { id } }', { id: 'A'.repeat(10_000) }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'malformed id in nodes(ids)',
    request: () => json('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['%%%'] }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'ids.0',
  },
  {
    name: 'malformed companyId of a mutation',
    request: () => json(EXPORT, { input: { companyId: 'x', format: 'FEC' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.companyId',
  },
  {
    name: 'malformed entryIds of a Pleo export',
    request: (ids) => json(EXPORT, { input: { companyId: ids.pleo, entryIds: ['not-an-id'] } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.entryIds.0',
  },
  // Another tenant's ids (demo-other using demo's)
  {
    name: 'demo-other reads demo’s company',
    request: (ids) =>
      json(`{ company(id: "${ids.myunisoft}") { id name } }`, undefined, { apiKey: 'demo-other' }),
    status: 200,
    code: null,
  },
  {
    name: 'demo-other pages into demo’s entries',
    request: (ids) => ({
      ...entries(null, { after: ids.entriesCursor })(ids),
      headers: { 'content-type': 'application/json' },
      apiKey: 'demo-other',
    }),
    status: 200,
    code: null,
  },
  {
    name: 'demo-other exports demo’s company',
    request: jepiloteExport({}, 'demo-other'),
    status: 200,
    code: 'NOT_FOUND',
    field: 'input.companyId',
  },
  {
    name: 'demo-other bulk-exports demo’s company',
    request: (ids) =>
      json(
        BULK,
        { input: { companyId: ids.myunisoft, kind: 'ENTRIES', format: 'CSV', exerciseId: ids.exercise } },
        { apiKey: 'demo-other' },
      ),
    status: 200,
    code: 'NOT_FOUND',
    field: 'input.companyId',
  },
  {
    name: 'demo-other exports demo’s Pleo entries from its own company',
    request: (ids) =>
      json(
        EXPORT,
        { input: { companyId: ids.otherPleo, entryIds: ids.pleoEntries } },
        { apiKey: 'demo-other' },
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.entryIds.0',
  },
  {
    name: 'demo-other uploads to demo’s company',
    request: (ids) => ({
      ...multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
      apiKey: 'demo-other',
    }),
    status: 200,
    code: 'NOT_FOUND',
    field: 'input.companyId',
  },
  // Oversized strings
  {
    name: 'notifyEmail of 300 characters',
    request: jepiloteExport({ notifyEmail: `${'a'.repeat(290)}@example.fr` }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.notifyEmail',
  },
  {
    name: 'journalCode of 1,000 characters',
    request: entries({ journalCode: 'J'.repeat(1_000) }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.journalCode',
  },
  {
    name: 'movement source of 100 characters',
    request: (ids) => movements({ exerciseId: ids.exercise, source: 's'.repeat(100) })(ids),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'filter.source',
  },
  {
    name: 'upload reference of 10,000 characters',
    request: (ids) =>
      multipart([
        [
          'operations',
          JSON.stringify({
            query: UPLOAD,
            variables: {
              input: { companyId: ids.inqom, type: 'OTHER', reference: 'r'.repeat(10_000), file: null },
            },
          }),
        ],
        ['map', MAP],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    // Refused with the whole operation before execution, like every argument judged from itself.
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.reference',
  },
  {
    name: 'body over limits.maxBodyBytes',
    request: () => json(COMPANIES, { pad: 'x'.repeat(1_100_000) }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  // Query limits
  {
    name: 'query deeper than maxDepth',
    request: () => json(deep(6)),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxDepth',
  },
  {
    name: 'alias bomb',
    request: () => json(aliases(31)),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxAliases',
  },
  {
    name: 'fragment bomb',
    request: () => json(fragmentBomb(30)),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxCost',
  },
  {
    name: 'directive flood',
    request: () => json(`{ ${'__typename @include(if: true) '.repeat(51)}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxDirectives',
  },
  {
    name: 'costly nested pages',
    request: () =>
      json('{ companies(first: 500) { edges { node { entries(first: 500) { edges { node { id } } } } } } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxCost',
  },
  {
    name: 'batch of 11 operations',
    request: () => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 11 }, () => ({ query: '{ companies { totalCount } }' }))),
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxBatchOperations',
  },
  {
    name: 'batch of 500 operations',
    request: () => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 500 }, () => ({ query: '{ __typename }' }))),
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxBatchOperations',
  },
  {
    name: 'query of more than maxTokens tokens',
    request: () => json(`{ ${'__typename '.repeat(2_100)}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'maxTokens',
  },
  // E-mail addresses
  {
    name: 'notifyEmail without @',
    request: jepiloteExport({ notifyEmail: 'not-an-email' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.notifyEmail',
  },
  {
    name: 'notifyEmail without a domain',
    request: jepiloteExport({ notifyEmail: 'compta@' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.notifyEmail',
  },
  {
    name: 'notifyEmail with a header injection',
    request: jepiloteExport({ notifyEmail: 'compta@cabinet.fr\r\nBcc: x@evil.example' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.notifyEmail',
  },
  {
    name: 'notifyEmail list',
    request: jepiloteExport({ notifyEmail: 'a@cabinet.fr, b@cabinet.fr' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.notifyEmail',
  },
  // Transport
  {
    name: 'text/plain POST (CSRF)',
    request: () => ({
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ companies { totalCount } }' }),
    }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'form-urlencoded POST (CSRF)',
    request: () => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B%20companies%20%7B%20totalCount%20%7D%20%7D',
    }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'invalid JSON',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"query":' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'query that is not a string',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"query":42}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'batch of non-objects',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '[1,2]' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'no query at all',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"variables":{}}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET mutation',
    request: (ids) => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(`mutation { createExportJob(input: { companyId: "${ids.jepilote}", format: FEC }) { id } }`)}`,
      headers: { 'apollo-require-preflight': 'true' },
    }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET without a preflight header nor a key (CSRF)',
    request: () => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ companies { totalCount } }')}`,
      // What a cross-origin page can make a browser send without a preflight: no Authorization.
      apiKey: null,
    }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'no API key',
    request: () => ({ ...json('{ companies { totalCount } }'), apiKey: null }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'unknown API key',
    request: () => json('{ companies { totalCount } }', undefined, { apiKey: 'guessed' }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  // Multipart
  {
    name: 'multipart without map',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart map pointing nowhere',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', '{"0":["variables.input.nothere"]}'],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart map before operations',
    request: (ids) =>
      multipart([
        ['map', MAP],
        ['operations', uploadOperations(ids.inqom)],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart map not JSON',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', '{0:'],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart operations not JSON',
    request: () =>
      multipart([
        ['operations', '{"query":'],
        ['map', MAP],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart body truncated in the file',
    request: (ids) =>
      multipart(
        [
          ['operations', uploadOperations(ids.inqom)],
          ['map', MAP],
          ['0', Buffer.concat([PDF, Buffer.alloc(4_000)]), 'a.pdf', 'application/pdf'],
        ],
        { truncateAt: 1_500 },
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  {
    name: 'multipart without a preflight header nor a key (CSRF)',
    request: (ids) => {
      const m = multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', PDF, 'a.pdf', 'application/pdf'],
      ]);
      return { body: m.body, headers: { 'content-type': m.headers['content-type'] ?? '' }, apiKey: null };
    },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'executable declared as a PDF',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', Buffer.from('MZ\x90\0\x03\0\0\0 this program', 'latin1'), 'invoice.pdf', 'application/pdf'],
      ]),
    status: 415,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  {
    name: 'HTML declared as a PNG',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', Buffer.from('<html><script>alert(1)</script>'), 'scan.png', 'image/png'],
      ]),
    status: 415,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  {
    name: 'empty file',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', Buffer.alloc(0), 'a.pdf', 'application/pdf'],
      ]),
    status: 415,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  {
    name: 'file name with nothing left once sanitised',
    request: (ids) =>
      multipart([
        ['operations', uploadOperations(ids.inqom)],
        ['map', MAP],
        ['0', PDF, '../..', 'application/pdf'],
      ]),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  {
    name: 'upload written as a literal',
    request: (ids) =>
      json(
        `mutation { uploadDocument(input: { companyId: "${ids.inqom}", type: OTHER, file: "x" }) { id } }`,
      ),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'input.file',
  },
  // GraphQL requests
  {
    name: 'variable of the wrong type',
    request: () => json(COMPANIES, { first: 'ten' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { name: 'filter of the wrong shape', request: movements('from 2024'), status: 400, code: 'BAD_USER_INPUT' },
  {
    name: 'missing required argument',
    request: () => json('{ company { id } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'missing required variable',
    request: () => json('query($id: ID!) { company(id: $id) { id } }', {}),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'missing required input field',
    request: () => json(EXPORT, { input: { format: 'FEC' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'unknown field',
    request: () => json('{ companies { totalCount password } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown operationName',
    request: () => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { companies { totalCount } }', operationName: 'B' }),
    }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'two operations, no operationName',
    request: () => json('query A { companies { totalCount } } query B { companies { totalCount } }'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'syntax error',
    request: () => json('{ companies { totalCount }'),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'subscription',
    request: () => json('subscription { companies { totalCount } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];
