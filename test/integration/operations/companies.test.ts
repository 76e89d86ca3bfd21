/**
 * `ListCompanies` and `GetCompany` through the gateway against the four simulators: each tenant sees
 * exactly its own companies of all four providers, pages of companies chain, and a company's
 * exercises come from MyUnisoft and Inqom (UNSUPPORTED_BY_PROVIDER elsewhere, never an empty list).
 */
import { GetCompanyDocument, ListCompaniesDocument, type ListCompaniesQuery } from '@grand-livre/sdk';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import { dataOf, errorCodes, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { PROVIDER_OF, demoCompany, walkPages } from './fixtures';

type CompanyNode = NonNullable<ListCompaniesQuery['companies']['edges'][number]['node']>;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const ALL: SimProvider[] = ['jepilote', 'myunisoft', 'inqom', 'pleo'];

/** `provider:nativeId name` of every company the dataset gives `owner`. */
const ownedBy = (owner: 'demo' | 'demo-other') =>
  ALL.flatMap((p) =>
    stack.sims.dataset.companiesOf(p, owner).map((c) => `${PROVIDER_OF[p]}:${c.id} ${c.name}`),
  ).sort();
const keyOf = (c: CompanyNode) => `${c.provider}:${c.providerId} ${c.name}`;

describe('ListCompanies', () => {
  it('gives the demo key the companies of all four providers it owns, and only those', async () => {
    const data = dataOf(await runOperation(stack, ListCompaniesDocument, {}));
    const companies = data.companies.edges.map((e) => e.node!);
    expect(companies.map(keyOf).sort()).toEqual(ownedBy('demo'));
    expect(new Set(companies.map((c) => c.provider))).toEqual(
      new Set(['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO']),
    );
    expect(data.companies.totalCount).toBe(companies.length);
    for (const company of companies) {
      const gen = stack.sims.dataset.company(
        ALL.find((p) => PROVIDER_OF[p] === company.provider) as SimProvider,
        company.providerId,
      );
      expect(company.siren).toBe(gen?.siren);
      expect(company.capabilities.length).toBeGreaterThan(0);
    }
  });

  it('gives the other tenant its own companies, disjoint from demo’s', async () => {
    const data = dataOf(await runOperation(stack, ListCompaniesDocument, {}, 'demo-other'));
    expect(data.companies.edges.map((e) => keyOf(e.node!)).sort()).toEqual(ownedBy('demo-other'));
  });

  it('filters by provider and pages with first/after', async () => {
    const mu = dataOf(await runOperation(stack, ListCompaniesDocument, { provider: 'MYUNISOFT' }));
    expect(mu.companies.edges.every((e) => e.node!.provider === 'MYUNISOFT')).toBe(true);
    expect(mu.companies.edges).toHaveLength(stack.sims.dataset.companiesOf('myunisoft', 'demo').length);
    const { nodes, pages } = await walkPages<CompanyNode>(
      async (after) =>
        dataOf(await runOperation(stack, ListCompaniesDocument, { first: 3, after })).companies,
    );
    expect(nodes.map(keyOf).sort()).toEqual(ownedBy('demo'));
    expect(pages).toBe(Math.ceil(ownedBy('demo').length / 3));
  });

  it('refuses first above 500 with BAD_USER_INPUT', async () => {
    const result = await runOperation(stack, ListCompaniesDocument, { first: 501 });
    expect(errorCodes(result)).toEqual([{ path: 'companies', code: 'BAD_USER_INPUT' }]);
  });
});

describe('GetCompany', () => {
  it.each<SimProvider>(['myunisoft', 'inqom'])('gives a %s company with its exercises', async (provider) => {
    const { gen, id } = demoCompany(stack.sims, provider);
    const data = dataOf(await runOperation(stack, GetCompanyDocument, { id }));
    expect(data.company).toMatchObject({
      id,
      provider: PROVIDER_OF[provider],
      providerId: gen.id,
      name: gen.name,
    });
    const exercises = data.company?.exercises ?? [];
    expect(exercises.map(({ startDate, endDate, closed }) => ({ startDate, endDate, closed }))).toEqual(
      gen.exercises.map(({ startDate, endDate, closed }) => ({ startDate, endDate, closed })),
    );
    expect(data.company?.capabilities).toContain('EXERCISES');
  });

  it.each<SimProvider>(['jepilote', 'pleo'])(
    'answers UNSUPPORTED_BY_PROVIDER for exercises of %s',
    async (provider) => {
      const { id } = demoCompany(stack.sims, provider);
      const result = await runOperation(stack, GetCompanyDocument, { id });
      expect(errorCodes(result)).toEqual([{ path: 'company.exercises', code: 'UNSUPPORTED_BY_PROVIDER' }]);
    },
  );

  it("answers null for another tenant's company", async () => {
    const { id } = demoCompany(stack.sims, 'inqom', 'demo-other');
    const result = await runOperation(stack, GetCompanyDocument, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.company).toBeNull();
  });
});

describe('partial data across providers', () => {
  const WITH_EXERCISES = '{ companies { edges { node { provider name exercises { id } } } } }';
  type Answer = {
    data: { companies: { edges: { node: { provider: string; exercises: unknown[] } | null }[] } } | null;
    errors?: { path: (string | number)[]; extensions: { code: string } }[];
  };

  it('nulls only the companies whose provider cannot answer a selected field, with one error each', async () => {
    const { status, body } = await stack.gql(WITH_EXERCISES);
    const { data, errors } = body as Answer;
    expect(status).toBe(200);
    const edges = data!.companies.edges;
    const served = edges.flatMap((e) => (e.node ? [e.node] : []));
    // MyUnisoft and Inqom keep exercises; Jepilote and Pleo companies are null, each with its error.
    expect(new Set(served.map((c) => c.provider))).toEqual(new Set(['MYUNISOFT', 'INQOM']));
    expect(served.every((c) => c.exercises.length > 0)).toBe(true);
    const nulled = edges.filter((e) => e.node === null).length;
    expect(nulled).toBe(
      stack.sims.dataset.companiesOf('jepilote', 'demo').length +
        stack.sims.dataset.companiesOf('pleo', 'demo').length,
    );
    expect(errors).toHaveLength(nulled);
    expect(new Set(errors!.map((e) => e.extensions.code))).toEqual(new Set(['UNSUPPORTED_BY_PROVIDER']));
    expect(errors!.every((e) => e.path.join('.').match(/^companies\.edges\.\d+\.node\.exercises$/))).toBe(
      true,
    );
  });

  it('keeps the other providers’ companies when one provider fails under a nested field', async () => {
    stack.sims.simulators.inqom.faults.add({
      kind: 'status',
      status: 503,
      path: 'accounting-periods',
      times: 50,
    });
    try {
      // As demo-other, whose exercise lists the list cache has not seen yet: they must come from Inqom.
      const { body } = await stack.gql(
        '{ companies(first: 100) { edges { node { provider name exercises { id } } } } }',
        {},
        'demo-other',
      );
      const { data, errors } = body as Answer;
      const served = data!.companies.edges.flatMap((e) => (e.node ? [e.node] : []));
      expect(served.some((c) => c.provider === 'MYUNISOFT')).toBe(true);
      expect(served.some((c) => c.provider === 'INQOM')).toBe(false);
      expect(errors!.some((e) => e.extensions.code.startsWith('UPSTREAM_'))).toBe(true);
    } finally {
      stack.sims.simulators.inqom.faults.clear();
    }
  });
});
