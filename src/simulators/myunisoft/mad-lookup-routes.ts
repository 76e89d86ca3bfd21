/** MAD `GET /mad/entry?id=` (by id or invoice number) and `GET /mad/balance` (a trial balance). */
import type { FastifyInstance } from 'fastify';
import type { GenCompany } from '../data/dataset';
import { entryAt, type GenEntry } from '../data/ledger';
import { MyUnisoftError, badRequest } from './errors';
import { baseUrlOf, queryOf, societyOf, type MyUnisoftContext } from './context';
import { dateWindow, exerciseOf, flag, many, requireVersion, single, type Query } from './mad-params';
import { euros, madEntry } from './mad-shapes';
import type { MadBalanceLine } from './mad-types';

/** Invoice numbers are `FA|FV` + year + entry index (see the ledger generator), so no scan is needed. */
function byInvoiceNumber(company: GenCompany, id: string): GenEntry | undefined {
  const match = /^F[AV](\d{4})(\d{6,})$/.exec(id);
  if (!match) return undefined;
  const exercise = company.exercises.find((e) => e.startDate.startsWith(match[1]!));
  const index = Number(match[2]);
  if (!exercise || index >= exercise.ledger.entryCount) return undefined;
  const entry = entryAt(exercise.ledger, index);
  return entry.lines.some((line) => line.piece === id) ? entry : undefined;
}

function required(query: Query, name: string): string {
  const value = single(query, name);
  if (!value) throw badRequest('ERR-PARAMETER-REQUIRED', `${name} is required.`, { parameter: name });
  return value;
}

/** Account roots: `classAccount` (repeated) or the documented `accountNumber`, exact or with a `%` root. */
function accountMatcher(query: Query): (number: string) => boolean {
  const roots = many(query, 'classAccount');
  const accountNumber = single(query, 'accountNumber');
  if (roots.length === 0 && !accountNumber) {
    throw badRequest('ERR-PARAMETER-REQUIRED', 'classAccount (or accountNumber) is required.', {
      parameter: 'classAccount',
    });
  }
  if (roots.some((r) => !/^\d{1,12}$/.test(r)))
    throw badRequest('ERR-INVALID-CLASS-ACCOUNT', 'classAccount is made of digits.');
  const exact = accountNumber && !accountNumber.endsWith('%') ? accountNumber : null;
  const root = accountNumber?.endsWith('%') ? accountNumber.slice(0, -1) : null;
  return (n) => roots.some((r) => n.startsWith(r)) || n === exact || (root !== null && n.startsWith(root));
}

export function registerMadLookupRoutes(app: FastifyInstance, ctx: MyUnisoftContext): void {
  app.get('/api/v1/mad/entry', async (request) => {
    const company = societyOf(ctx, request);
    const query = queryOf(request);
    requireVersion(query);
    const id = required(query, 'id');
    const entry = /^\d+$/.test(id) ? ctx.dataset.entry(company, id)?.entry : byInvoiceNumber(company, id);
    if (!entry || (flag(query, 'draft') && !entry.draft)) {
      throw new MyUnisoftError(404, 'ERR-ENTRY-NOT-FOUND', 'No entry matches this id.', { id });
    }
    return madEntry(company, entry, baseUrlOf(request), flag(query, 'comment'));
  });

  app.get('/api/v1/mad/balance', async (request) => {
    const company = societyOf(ctx, request);
    const query = queryOf(request);
    requireVersion(query);
    const exercise = exerciseOf(company, required(query, 'idExercice'));
    required(query, 'startDate');
    required(query, 'endDate');
    const window = dateWindow(query)!;
    if (window.from < exercise.startDate || window.to > exercise.endDate) {
      throw badRequest('ERR-PERIOD-OUTSIDE-EXERCICE', 'startDate and endDate must lie inside the exercise.');
    }
    const matches = accountMatcher(query);
    // SUM(debit - credit) per account, in cents so the float euros at the end are exact.
    const balances = new Map<string, { name: string; cents: number }>();
    // The exercise's own entries booked in the window: a document dated outside it may be booked inside.
    for (const entry of ctx.dataset.entries(company, exercise)) {
      if (entry.bookedOn < window.from || entry.bookedOn > window.to) continue;
      for (const line of entry.lines) {
        if (!matches(line.account.number)) continue;
        const row = balances.get(line.account.number) ?? { name: line.account.name, cents: 0 };
        row.cents += line.debit - line.credit;
        balances.set(line.account.number, row);
      }
    }
    return [...balances.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([number, row]): MadBalanceLine => ({ number, name: row.name, balance: euros(row.cents) }));
  });
}
