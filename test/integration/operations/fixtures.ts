/**
 * What the operation tests expect, computed from the simulators' own dataset (never hard-coded):
 * the demo tenant's companies with their global ids, the generated entries of a date window, and
 * small helpers to walk a connection page by page and to do exact Decimal arithmetic.
 */
import { companyGlobalId, decodeGlobalId } from '../../../src/domain/ids';
import type { ProviderName } from '../../../src/domain/model';
import type { GenCompany, SimProvider } from '../../../src/simulators/data/dataset';
import type { GenEntry } from '../../../src/simulators/data/ledger';
import type { RunningSimulators } from '../../../src/simulators/harness';
import { planOutcome } from '../../../src/simulators/pleo/lifecycle';
import { CompanyEntriesDocument } from '@grand-livre/sdk';
import { dataOf, runOperation } from '../../support/operations';
import type { Stack } from '../../support/stack';

export const PROVIDER_OF: Record<SimProvider, ProviderName> = {
  jepilote: 'JEPILOTE',
  myunisoft: 'MYUNISOFT',
  inqom: 'INQOM',
  pleo: 'PLEO',
};

export interface DemoCompany {
  gen: GenCompany;
  /** Global id of the company. */
  id: string;
}

/** The first company tenant `owner` holds at `provider`. */
export function demoCompany(
  sims: RunningSimulators,
  provider: SimProvider,
  owner: 'demo' | 'demo-other' = 'demo',
) {
  const gen = sims.dataset.companiesOf(provider, owner)[0];
  if (!gen) throw new Error(`no ${provider} company for ${owner} in the dataset`);
  return { gen, id: companyGlobalId(PROVIDER_OF[provider], gen.id) } satisfies DemoCompany;
}

/** Every generated entry of the company dated within [from, to] (inclusive ISO dates). */
export function entriesBetween(
  sims: RunningSimulators,
  company: GenCompany,
  from: string,
  to: string,
): GenEntry[] {
  const out: GenEntry[] = [];
  for (const exercise of company.exercises)
    for (const entry of sims.dataset.entries(company, exercise))
      if (entry.date >= from && entry.date <= to) out.push(entry);
  return out;
}

/** "-264.44" → -26444: Decimal strings as integer cents, so sums are exact. */
export function cents(decimal: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(decimal);
  if (!match) throw new Error(`not a Decimal with two decimals: ${decimal}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

export const sumCents = (values: string[]) => values.reduce((sum, v) => sum + cents(v), 0);

export interface PageOf<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Company edges may hold null (a node whose field failed); a walk over healthy data refuses one. */
  edges: { node: T | null }[];
}

/** Follows `endCursor` until `hasNextPage` is false; returns the nodes and the number of pages. */
export async function walkPages<T>(
  fetchPage: (after: string | null) => Promise<PageOf<T>>,
  maxPages = 50,
): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page: PageOf<T> = await fetchPage(after);
    for (const edge of page.edges) {
      if (edge.node === null) throw new Error(`a null node on page ${pages}`);
      nodes.push(edge.node);
    }
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
    if (!after) throw new Error('hasNextPage without an endCursor');
  }
  throw new Error(`more than ${maxPages} pages`);
}

/**
 * Eight exportable Pleo entries (with a contra account) whose planned outcome in the simulator has
 * failed items but no job failure: a job of them ends COMPLETED_WITH_ERRORS.
 */
export async function pleoEntriesThatPartlyFail(stack: Stack, companyId: string): Promise<string[]> {
  const data = dataOf(await runOperation(stack, CompanyEntriesDocument, { companyId, first: 100 }));
  const exportable = (data.company?.entries.edges ?? [])
    .map((e) => e.node)
    .filter((n) => n.journal.type !== 'fee');
  for (let start = 0; start + 8 <= exportable.length; start++) {
    const ids = exportable.slice(start, start + 8).map((n) => n.id);
    const outcome = planOutcome(
      stack.sims.dataset.seed,
      ids.map((id) => decodeGlobalId(id, 'id').nativeId),
    );
    if (!outcome.failure && outcome.itemFailures.size > 0) return ids;
  }
  throw new Error('no window of entries that partly fails');
}
