/**
 * Legacy `POST /api/v1/entries?type=e|o|ib|m|ext|l` with a JSON body `{ sort: { ecr }, filters: [{ name,
 * value }] }` (filters `type`, `diary`, `start_date`, `end_date`). The answer is streamed: totals first
 * (a first pass over the ledger keeps only entry positions), then the entries one by one.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { entryAt, type GenEntryType } from '../data/ledger';
import type { GenCompany } from '../data/dataset';
import { badRequest } from './errors';
import { baseUrlOf, queryOf, societyOf, type MyUnisoftContext } from './context';
import { entryE, entryO } from './legacy-shapes';
import { isoDate, single } from './mad-params';
import { documentDateSpan } from '../data/ledger';
import { jsonArrayStream, mapIterable } from './json-stream';

const TYPES: readonly GenEntryType[] = ['E', 'O', 'IB', 'M', 'EXT', 'L'];

const bodySchema = z
  .object({
    sort: z.object({ ecr: z.enum(['asc', 'desc']) }).optional(),
    filters: z
      .array(z.object({ name: z.enum(['type', 'diary', 'start_date', 'end_date']), value: z.string() }))
      .optional(),
  })
  .optional();

interface EntryQuery {
  type: GenEntryType;
  diary?: string;
  from?: string;
  to?: string;
  descending: boolean;
}

function parseEntryQuery(rawType: string | undefined, rawBody: unknown): EntryQuery {
  const type = rawType?.toUpperCase() as GenEntryType | undefined;
  if (!type || !TYPES.includes(type)) {
    throw badRequest('ERR-INVALID-ENTRY-TYPE', 'type is one of e, o, ib, m, ext, l.', { parameter: 'type' });
  }
  const parsed = bodySchema.safeParse(rawBody ?? undefined);
  if (!parsed.success)
    throw badRequest('ERR-INVALID-BODY', 'Body is { sort: { ecr }, filters: [{ name, value }] }.');
  const filters = new Map((parsed.data?.filters ?? []).map((f) => [f.name, f.value]));
  const filterType = filters.get('type');
  // The seed sends the type twice (query and filter); the simulator refuses a contradiction.
  if (filterType !== undefined && filterType.toUpperCase() !== type) {
    throw badRequest('ERR-INVALID-FILTER', 'The type filter must match the type query parameter.', {
      filter: 'type',
    });
  }
  const from = filters.get('start_date');
  const to = filters.get('end_date');
  return {
    type,
    descending: parsed.data?.sort?.ecr === 'desc',
    ...(filters.has('diary') ? { diary: filters.get('diary') } : {}),
    ...(from !== undefined ? { from: isoDate(from, 'start_date') } : {}),
    ...(to !== undefined ? { to: isoDate(to, 'end_date') } : {}),
  };
}

/** Positions (exercise, index) of the matching entries with their totals in cents. */
function selectEntries(company: GenCompany, q: EntryQuery) {
  const positions: { exercise: number; index: number }[] = [];
  let debit = 0;
  let credit = 0;
  company.exercises.forEach((exercise, e) => {
    const span = documentDateSpan(exercise.ledger);
    if ((q.from && span.last < q.from) || (q.to && span.first > q.to)) return;
    for (let i = 0; i < exercise.ledger.entryCount; i++) {
      const entry = entryAt(exercise.ledger, i);
      if (entry.type !== q.type || (q.diary && entry.journal.code !== q.diary)) continue;
      if ((q.from && entry.date < q.from) || (q.to && entry.date > q.to)) continue;
      positions.push({ exercise: e, index: i });
      for (const line of entry.lines) {
        debit += line.debit;
        credit += line.credit;
      }
    }
  });
  return { positions: q.descending ? positions.reverse() : positions, debit, credit };
}

export function registerEntriesRoute(app: FastifyInstance, ctx: MyUnisoftContext): void {
  app.post('/api/v1/entries', async (request, reply) => {
    const company = societyOf(ctx, request);
    const q = parseEntryQuery(single(queryOf(request), 'type'), request.body);
    const { positions, debit, credit } = selectEntries(company, q);
    const baseUrl = baseUrlOf(request);
    const shape = (p: { exercise: number; index: number }) => {
      const exercise = company.exercises[p.exercise]!;
      const entry = entryAt(exercise.ledger, p.index);
      return q.type === 'O' ? entryO(company, entry, baseUrl) : entryE(company, entry, exercise.closed);
    };
    const head = `{"type":${JSON.stringify(q.type)},"debit_total":${debit / 100},"credit_total":${credit / 100},"entry_array":`;
    return reply.type('application/json').send(jsonArrayStream(mapIterable(positions, shape), head, '}'));
  });
}
