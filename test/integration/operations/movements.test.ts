/**
 * `CompanyMovements` and `ExerciseMovements` (MyUnisoft GET /api/v1/mad/movements, Inqom entry lines)
 * through the gateway: by exercise and by window, every generated line once across pages, with
 * `amount = credit − debit` on each movement and the ledger's totals to the cent; MAD's filters; and
 * the filter rules refused before any upstream call.
 */
import {
  CompanyMovementsDocument,
  ExerciseMovementsDocument,
  GetCompanyDocument,
  type CompanyMovementsQuery,
  type MovementFilter,
} from '../../../src/sdk/generated/graphql';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import type { GenLine } from '../../../src/simulators/data/ledger';
import { dataOf, errorCodes, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { cents, demoCompany, entriesBetween, walkPages } from './fixtures';

type MovementNode = NonNullable<CompanyMovementsQuery['company']>['movements']['edges'][number]['node'];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    // Walks whole exercises page by page (hundreds of calls); the same walk under MyUnisoft's quota is
    // test/integration/limits/frontend-session.test.ts.
    enforceRateLimits: false,
    configure: (config) => ({ ...config, logLevel: 'silent' }),
  });
});
afterAll(() => stack.close());

async function allMovements(provider: SimProvider, filter: MovementFilter, first = 40) {
  const company = demoCompany(stack.sims, provider);
  return walkPages<MovementNode>(async (after) => {
    const data = dataOf(
      await runOperation(stack, CompanyMovementsDocument, { companyId: company.id, filter, first, after }),
    );
    if (!data.company) throw new Error('company not found');
    return data.company.movements;
  });
}

/** Global id of the company's exercise that starts on `startDate`. */
async function exerciseId(provider: SimProvider, startDate: string): Promise<string> {
  const { id } = demoCompany(stack.sims, provider);
  const data = dataOf(await runOperation(stack, GetCompanyDocument, { id }));
  const found = data.company?.exercises.find((e) => e.startDate === startDate);
  if (!found) throw new Error(`no exercise starting ${startDate}`);
  return found.id;
}

function expectExact(movements: MovementNode[], lines: GenLine[]) {
  expect(movements).toHaveLength(lines.length);
  for (const m of movements) expect(cents(m.amount)).toBe(cents(m.credit) - cents(m.debit));
  const debit = movements.reduce((sum, m) => sum + cents(m.debit), 0);
  const credit = movements.reduce((sum, m) => sum + cents(m.credit), 0);
  expect(debit).toBe(lines.reduce((sum, l) => sum + l.debit, 0));
  expect(credit).toBe(lines.reduce((sum, l) => sum + l.credit, 0));
  expect(debit).toBe(credit);
}

describe.each<SimProvider>(['myunisoft', 'inqom'])('movements on %s', (provider) => {
  it('by exercise: every line of the exercise once, across pages, amount = credit − debit', async () => {
    const { gen } = demoCompany(stack.sims, provider);
    const exercise = gen.exercises[1];
    if (!exercise) throw new Error('no second exercise');
    const lines = [...stack.sims.dataset.entries(gen, exercise)].flatMap((e) => e.lines);
    const { nodes, pages } = await allMovements(provider, {
      exerciseId: await exerciseId(provider, exercise.startDate),
    });
    expect(pages).toBe(Math.ceil(lines.length / 40));
    expect(new Set(nodes.map((m) => m.id)).size).toBe(nodes.length);
    expectExact(nodes, lines);
  });

  it('by window of three months: only that window, each movement linked to its entry', async () => {
    const { gen } = demoCompany(stack.sims, provider);
    const lines = entriesBetween(stack.sims, gen, '2025-03-01', '2025-05-31').flatMap((e) => e.lines);
    const { nodes } = await allMovements(provider, { from: '2025-03-01', to: '2025-05-31' });
    expectExact(nodes, lines);
    expect(nodes.every((m) => m.date >= '2025-03-01' && m.date <= '2025-05-31' && m.entry?.id)).toBe(true);
  });

  it('reaches the same movements through the Exercise node', async () => {
    const { gen } = demoCompany(stack.sims, provider);
    const exercise = gen.exercises[2];
    if (!exercise) throw new Error('no third exercise');
    const id = await exerciseId(provider, exercise.startDate);
    const { nodes } = await walkPages(async (after) => {
      const data = dataOf(
        await runOperation(stack, ExerciseMovementsDocument, { exerciseId: id, first: 100, after }),
      );
      if (data.node?.__typename !== 'Exercise') throw new Error('not an exercise');
      expect(data.node.startDate).toBe(exercise.startDate);
      return data.node.movements;
    });
    const lines = [...stack.sims.dataset.entries(gen, exercise)].flatMap((e) => e.lines);
    expect(nodes).toHaveLength(lines.length);
    for (const m of nodes) expect(cents(m.amount)).toBe(cents(m.credit) - cents(m.debit));
  });
});

describe('MyUnisoft MAD filters', () => {
  const window = { from: '2025-01-01', to: '2025-06-30' };
  const linesOf = () =>
    entriesBetween(stack.sims, demoCompany(stack.sims, 'myunisoft').gen, window.from, window.to).flatMap(
      (e) => e.lines,
    );

  it('accountClasses keeps the accounts of those classes', async () => {
    const { nodes } = await allMovements('myunisoft', { ...window, accountClasses: ['4', '51'] }, 200);
    const expected = linesOf().filter((l) => /^(4|51)/.test(l.account.number));
    expect(nodes).toHaveLength(expected.length);
    expect(nodes.every((m) => /^(4|51)/.test(m.account?.number ?? ''))).toBe(true);
  });

  it('lettering keeps the movements in that state', async () => {
    const { nodes } = await allMovements('myunisoft', { ...window, lettering: 'PARTIAL' }, 200);
    expect(nodes).toHaveLength(linesOf().filter((l) => l.lettering.state === 'partial').length);
    expect(nodes.every((m) => m.lettering?.state === 'PARTIAL' && m.lettering.value?.startsWith('*'))).toBe(
      true,
    );
  });
});

describe('movement filter rules', () => {
  it.each<[string, (exercise: string) => MovementFilter]>([
    [
      'an exercise and a window together',
      (exercise) => ({ exerciseId: exercise, from: '2025-01-01', to: '2025-02-01' }),
    ],
    ['a window over 12 months', () => ({ from: '2024-01-01', to: '2025-06-30' })],
    ['neither an exercise nor a window', () => ({})],
  ])('refuses %s before any upstream call', async (_name, filter) => {
    const company = demoCompany(stack.sims, 'myunisoft');
    const exercise = await exerciseId('myunisoft', '2025-01-01');
    stack.sims.resetRequests();
    const result = await runOperation(stack, CompanyMovementsDocument, {
      companyId: company.id,
      filter: filter(exercise),
    });
    expect(errorCodes(result)).toEqual([{ path: 'company.movements', code: 'BAD_USER_INPUT' }]);
    expect(result.errors?.[0]?.extensions?.field).toEqual(expect.stringMatching(/^filter/));
    expect(stack.sims.simulators.myunisoft.requests.filter((r) => r.path.startsWith('/api/v1/mad'))).toEqual(
      [],
    );
  });

  it('answers UNSUPPORTED_BY_PROVIDER for the movements of a Pleo company', async () => {
    const company = demoCompany(stack.sims, 'pleo');
    const result = await runOperation(stack, CompanyMovementsDocument, {
      companyId: company.id,
      filter: { from: '2025-01-01', to: '2025-02-01' },
    });
    expect(errorCodes(result)).toEqual([{ path: 'company.movements', code: 'UNSUPPORTED_BY_PROVIDER' }]);
  });
});
