/**
 * The companies/exercises cache over HTTP: repeated queries stop reaching the provider, tenants never
 * share entries, and an upload to a company drops that company's cached exercises.
 */
import { companyGlobalId } from '../../../src/domain/ids';
import { UploadDocumentDocument } from '../../../src/sdk/generated/graphql';
import { dataOf, runUpload } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';

describe('list cache through the gateway', () => {
  let stack: Stack;
  const calls = (sim: 'myunisoft' | 'inqom', path: RegExp) =>
    stack.sims.simulators[sim].requests.filter((r) => path.test(r.path)).length;
  const exercises = (provider: 'MYUNISOFT' | 'INQOM', id: string, apiKey = 'demo') =>
    stack.gql<{ company: { exercises: { id: string }[] } }>(
      'query($id: ID!) { company(id: $id) { exercises { id startDate } } }',
      { id: companyGlobalId(provider, id) },
      apiKey,
    );

  beforeAll(async () => {
    stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.sims.resetRequests());

  it('answers the company list from the cache after the first query, per tenant', async () => {
    const query = '{ companies { totalCount edges { node { id name } } } }';
    const first = await stack.gql(query);
    const second = await stack.gql(query);
    expect(second.body.data).toEqual(first.body.data);
    // Served from the cache: no provider call, so no upstream tally either.
    expect((second.body as { extensions?: unknown }).extensions).toBeUndefined();
    expect(calls('myunisoft', /^\/api\/v1\/society$/)).toBe(1);
    await stack.gql(query, {}, 'demo-other');
    await stack.gql(query, {}, 'demo-other');
    expect(calls('myunisoft', /^\/api\/v1\/society$/)).toBe(2);
  });

  it('reads exercises once for repeated queries', async () => {
    const first = await exercises('MYUNISOFT', '2101');
    const second = await exercises('MYUNISOFT', '2101');
    expect(second.body.data).toEqual(first.body.data);
    expect(first.body.data!.company.exercises).toHaveLength(3);
    expect(calls('myunisoft', /^\/api\/v1\/mad\/exercices$/)).toBe(1);
  });

  it("drops a company's exercises when a document is uploaded to it", async () => {
    await exercises('INQOM', '11287');
    await exercises('INQOM', '11287');
    await exercises('INQOM', '11288');
    expect(calls('inqom', /accounting-periods$/)).toBe(2);
    const uploaded = await runUpload(
      stack,
      UploadDocumentDocument,
      { input: { companyId: companyGlobalId('INQOM', '11287'), type: 'PURCHASE_INVOICE', file: null } },
      [
        {
          variablePath: 'input.file',
          bytes: Buffer.from('%PDF-1.4 cache test'),
          fileName: 'a.pdf',
          contentType: 'application/pdf',
        },
      ],
    );
    dataOf(uploaded);
    await exercises('INQOM', '11287');
    await exercises('INQOM', '11288');
    expect(calls('inqom', /accounting-periods$/)).toBe(3);
  });
});
