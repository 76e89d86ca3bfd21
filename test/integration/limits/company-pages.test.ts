/**
 * A firm with more companies than a page holds: the gateway follows MyUnisoft's `/society` pages
 * (`pages_number`) and Jepilote's Hydra `hydra:next`, one upstream call per page, and lists them all.
 */
import { startStack, type Stack } from '../../support/stack';

const EXTRA = 35;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    extraFirmCompanies: EXTRA,
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.sims.resetRequests());

const COMPANIES = `query ($provider: Provider!) { companies(provider: $provider, first: 100) { totalCount edges { node { name } } } }`;

async function names(provider: 'MYUNISOFT' | 'JEPILOTE') {
  const { body } = await stack.gql<{
    companies: { totalCount: number; edges: { node: { name: string } }[] };
  }>(COMPANIES, { provider });
  expect(body.errors).toBeUndefined();
  return body.data!.companies;
}

it('lists every MyUnisoft society of the firm, one /society call per page', async () => {
  const firm = stack.sims.dataset.companiesOf('myunisoft', 'demo');
  const companies = await names('MYUNISOFT');
  expect(companies.totalCount).toBe(firm.length);
  expect(companies.edges.map((e) => e.node.name).sort()).toEqual(firm.map((c) => c.name).sort());
  const pages = stack.sims.simulators.myunisoft.requests.filter((r) => r.path === '/api/v1/society');
  expect(pages.map((r) => r.query)).toEqual(['', 'page=2', 'page=3', 'page=4']);
});

it('lists every Jepilote company, following hydra:next', async () => {
  const firm = stack.sims.dataset.companiesOf('jepilote', 'demo');
  const companies = await names('JEPILOTE');
  expect(companies.totalCount).toBe(firm.length);
  expect(companies.edges.map((e) => e.node.name).sort()).toEqual(firm.map((c) => c.name).sort());
  const pages = stack.sims.simulators.jepilote.requests.filter((r) => r.path === '/companies');
  expect(pages.map((r) => r.query)).toEqual(['', 'page=2']);
});
