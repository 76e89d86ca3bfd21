/**
 * Structured logs over real HTTP: one `graphql operation` line per GraphQL request carrying the
 * request id (taken from `x-request-id` or generated, and echoed), the tenant id, the operation name,
 * outcome, status and duration; upstream calls at debug on the same request id; never a configured
 * secret, a variable's value or an amount of money the query returned.
 */
import { print } from 'graphql';
import { companyGlobalId } from '../../../src/domain/ids';
import { CompanyEntriesDocument, ListCompaniesDocument } from '@grand-livre/sdk';
import {
  configuredSecrets,
  decimalsIn,
  startObservedGateway,
  type LogLine,
  type ObservedGateway,
} from './observed-gateway';

let gateway: ObservedGateway;
beforeAll(async () => {
  gateway = await startObservedGateway({ logLevel: 'debug' });
});
afterAll(() => gateway.close());

const ofRequest = (reqId: string) => gateway.lines().filter((line) => line.reqId === reqId);
const operationLines = (reqId: string) => ofRequest(reqId).filter((l) => l.msg === 'graphql operation');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request logs', () => {
  it('logs one operation line with the caller’s request id, tenant, operation, outcome and duration', async () => {
    const reqId = 'client-trace-4f2a.1';
    const result = await gateway.gql(
      print(ListCompaniesDocument),
      {},
      { headers: { 'x-request-id': reqId } },
    );
    expect(result.status).toBe(200);
    expect(result.headers['x-request-id']).toBe(reqId);

    const [line, ...more] = operationLines(reqId);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      reqId,
      tenant: 'demo',
      operationName: 'ListCompanies',
      operationType: 'query',
      outcome: 'success',
      status: 200,
    });
    expect(line?.durationMs).toEqual(expect.any(Number));
    // One line per GraphQL request: no second access line for it.
    expect(ofRequest(reqId).filter((l) => l.msg === 'request completed')).toEqual([]);

    const upstream = ofRequest(reqId).filter((l) => l.msg === 'upstream call');
    expect(new Set(upstream.map((l) => l.provider))).toEqual(new Set(['jepilote', 'myunisoft', 'inqom']));
    for (const call of upstream) {
      expect(call).toMatchObject({ level: 20, tenant: 'demo', status: 200, method: expect.any(String) });
      expect(call.route).toMatch(/^\/[^?]*$/);
      expect(call.durationMs).toEqual(expect.any(Number));
    }
  });

  it('generates a request id when none (or an unsafe one) is sent, echoes it and logs with it', async () => {
    for (const headers of [{}, { 'x-request-id': 'two words {forged}' }] as Record<string, string>[]) {
      const result = await gateway.gql(
        'query Tiny { companies(provider: JEPILOTE) { totalCount } }',
        {},
        { headers },
      );
      const reqId = String(result.headers['x-request-id']);
      expect(reqId).toMatch(UUID);
      expect(operationLines(reqId)).toEqual([
        expect.objectContaining({ operationName: 'Tiny', tenant: 'demo', outcome: 'success' }),
      ]);
    }
  });

  it('logs refusals: a rejected operation, and a 401 before any operation with no tenant', async () => {
    const invalid = await gateway.gql('query Broken { companies { nope } }');
    const reqId = String(invalid.headers['x-request-id']);
    expect(operationLines(reqId)).toEqual([
      expect.objectContaining({ outcome: 'rejected', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    ]);

    const anonymous = await gateway.gql('{ companies { totalCount } }', {}, { apiKey: null });
    expect(anonymous.status).toBe(401);
    const lines = ofRequest(String(anonymous.headers['x-request-id']));
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request completed', route: '/graphql', status: 401, method: 'POST' }),
    ]);
    expect(lines[0]?.tenant).toBeUndefined();
  });

  it('logs the status the client got: a request error is 200 in application/json, 400 in graphql-response+json', async () => {
    for (const [accept, status] of [
      ['application/json', 200],
      ['application/graphql-response+json', 400],
    ] as const) {
      const result = await gateway.gql('query Broken { companies { nope } }', {}, { headers: { accept } });
      expect(result.status).toBe(status);
      expect(operationLines(String(result.headers['x-request-id']))).toEqual([
        expect.objectContaining({ outcome: 'rejected', status }),
      ]);
    }
  });

  it('never logs a secret, a variable value or an amount the query returned', async () => {
    const marker = 'JOURNAL-MARKER-93f1';
    const amounts = new Set<string>();
    for (const provider of ['myunisoft', 'inqom', 'pleo'] as const) {
      const company = gateway.sims.dataset.companiesOf(provider, 'demo')[0];
      if (!company) throw new Error(`no ${provider} company`);
      const companyId = companyGlobalId(provider.toUpperCase() as 'MYUNISOFT', company.id);
      const result = await gateway.gql(print(CompanyEntriesDocument), { companyId, first: 50 });
      expect(result.body.errors).toBeUndefined();
      decimalsIn(result.body.data, amounts);
      // A variable value that must not be echoed, in a GET (the URL carries the variables there).
      const query = encodeURIComponent(print(CompanyEntriesDocument));
      const variables = encodeURIComponent(JSON.stringify({ companyId, filter: { journalCode: marker } }));
      const get = await gateway.get(`/graphql?query=${query}&variables=${variables}`, {
        authorization: `Bearer ${gateway.apiKeys.demo}`,
        'apollo-require-preflight': 'true',
      });
      expect(get.status).toBe(200);
    }
    // Amounts of more than one digit before the point: "0.00" could match unrelated text.
    const needles = [...amounts].filter((amount) => /\d{2,}\./.test(amount));
    expect(needles.length).toBeGreaterThan(20);

    const text = gateway.rawLines.join('');
    const secrets = configuredSecrets(gateway);
    expect(secrets.length).toBeGreaterThan(10);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(needles.filter((amount) => text.includes(amount))).toEqual([]);
    expect(text).not.toContain(marker);
    expect(text).not.toMatch(/Bearer |Basic /);
    // Every line written while requests ran belongs to one (the gateway logs nothing unscoped here).
    const requestLines = gateway.lines().filter((l: LogLine) => !l.msg.startsWith('Server listening at'));
    expect(requestLines.filter((l) => !l.reqId)).toEqual([]);
  });
});
