/**
 * `CompanyEntries` (MyUnisoft POST /api/v1/entries, Inqom entry lines, Pleo accounting entries)
 * through the gateway: filters, pagination across pages, and exact money — totals summed from the
 * lines, `balanced` computed, and the window's totals equal to the generated ledger's to the cent.
 */
import { CompanyEntriesDocument, type CompanyEntriesQuery, type EntryFilter } from '@grand-livre/sdk';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { cents, demoCompany, entriesBetween, sumCents, walkPages } from './fixtures';

type EntryNode = NonNullable<CompanyEntriesQuery['company']>['entries']['edges'][number]['node'];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

async function allEntries(provider: SimProvider, filter: EntryFilter, first: number) {
  const company = demoCompany(stack.sims, provider);
  return walkPages<EntryNode>(async (after) => {
    const data = dataOf(
      await runOperation(stack, CompanyEntriesDocument, { companyId: company.id, filter, first, after }),
    );
    if (!data.company) throw new Error('company not found');
    return data.company.entries;
  });
}

const WINDOW = { from: '2025-01-01', to: '2025-12-31' };

describe.each<SimProvider>(['myunisoft', 'inqom', 'pleo'])('CompanyEntries on %s', (provider) => {
  it('pages through a date window: every generated entry once, totals exact to the cent', async () => {
    const { gen } = demoCompany(stack.sims, provider);
    const expected = entriesBetween(stack.sims, gen, WINDOW.from, WINDOW.to);
    const { nodes, pages } = await allEntries(provider, WINDOW, 15);
    expect(pages).toBe(Math.ceil(expected.length / 15));
    expect(new Set(nodes.map((n) => n.id)).size).toBe(expected.length);
    expect(nodes.every((n) => n.date >= WINDOW.from && n.date <= WINDOW.to)).toBe(true);
    const generatedDebit = expected.flatMap((e) => e.lines).reduce((sum, l) => sum + l.debit, 0);
    expect(sumCents(nodes.map((n) => n.debitTotal))).toBe(generatedDebit);
    expect(sumCents(nodes.map((n) => n.creditTotal))).toBe(generatedDebit);
  });

  it('computes debitTotal, creditTotal and balanced from the lines', async () => {
    const { nodes } = await allEntries(provider, WINDOW, 500);
    for (const entry of nodes) {
      expect(cents(entry.debitTotal)).toBe(sumCents(entry.lines.map((l) => l.debit)));
      expect(cents(entry.creditTotal)).toBe(sumCents(entry.lines.map((l) => l.credit)));
      expect(entry.debitTotal).toBe(entry.creditTotal);
      expect(entry.balanced).toBe(true);
      expect(entry.lines.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('CompanyEntries filters', () => {
  it('MyUnisoft: type and journal code narrow the list as the ledger says', async () => {
    const { gen } = demoCompany(stack.sims, 'myunisoft');
    const all = entriesBetween(stack.sims, gen, WINDOW.from, WINDOW.to);
    const bank = await allEntries('myunisoft', { ...WINDOW, journalCode: 'BQ' }, 50);
    expect(bank.nodes.length).toBe(all.filter((e) => e.journal.code === 'BQ').length);
    expect(bank.nodes.every((n) => n.journal.code === 'BQ')).toBe(true);
    const reversals = await allEntries('myunisoft', { ...WINDOW, type: 'REVERSAL' }, 50);
    expect(reversals.nodes.length).toBe(all.filter((e) => e.type === 'EXT').length);
    expect(reversals.nodes.every((n) => n.type === 'REVERSAL')).toBe(true);
  });

  it('Inqom: a journal code and a one-month window', async () => {
    const { gen } = demoCompany(stack.sims, 'inqom');
    const march = entriesBetween(stack.sims, gen, '2025-03-01', '2025-03-31');
    const journalCode = march[0]?.journal.code ?? 'none';
    const { nodes } = await allEntries('inqom', { from: '2025-03-01', to: '2025-03-31', journalCode }, 1);
    expect(nodes.length).toBe(march.filter((e) => e.journal.code === journalCode).length);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.journal.code === journalCode && n.date.startsWith('2025-03'))).toBe(true);
  });

  it('Pleo: every entry is an ENTRY of journal PLEO; other types match nothing', async () => {
    const entries = await allEntries('pleo', { ...WINDOW, type: 'ENTRY', journalCode: 'PLEO' }, 100);
    expect(entries.nodes.length).toBeGreaterThan(0);
    const manual = await allEntries('pleo', { ...WINDOW, type: 'MANUAL' }, 100);
    expect(manual.nodes).toEqual([]);
  });

  it('refuses a window whose end is before its start, before any upstream call', async () => {
    const company = demoCompany(stack.sims, 'myunisoft');
    stack.sims.resetRequests();
    const result = await runOperation(stack, CompanyEntriesDocument, {
      companyId: company.id,
      filter: { from: '2025-03-01', to: '2025-01-01' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(result.errors?.[0]?.extensions?.field)).toMatch(/^filter\./);
    expect(stack.sims.simulators.myunisoft.requests.filter((r) => r.path === '/api/v1/entries')).toEqual([]);
  });
});
