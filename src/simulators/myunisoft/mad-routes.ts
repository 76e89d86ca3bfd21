/** MAD v1.0.0 listing routes: movements (the seed), entries, journals, accounts, exercises. */
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';
import { baseUrlOf, queryOf, societyOf, type MyUnisoftContext } from './context';
import { entriesInPeriod, movementsInPeriod } from './ledger-query';
import { flag, many, parseMovementFilters, parsePeriod, requireVersion } from './mad-params';
import { madAccounts, madEntry, madExercice, madJournals, madMovement } from './mad-shapes';
import { jsonArrayStream, mapIterable } from './json-stream';

export function registerMadRoutes(app: FastifyInstance, ctx: MyUnisoftContext): void {
  app.get('/api/v1/mad/movements', async (request, reply) => {
    const company = societyOf(ctx, request);
    const query = queryOf(request);
    requireVersion(query);
    const filters = parseMovementFilters(query); // every 400 before the exercise lookup's 404
    const period = parsePeriod(query, company);
    const baseUrl = baseUrlOf(request);
    const rows = mapIterable(movementsInPeriod(ctx.dataset, company, period, filters), ({ entry, line }) =>
      madMovement(company, entry, line, baseUrl),
    );
    return reply.type('application/json').send(jsonArrayStream(rows));
  });

  app.get('/api/v1/mad/entries', async (request, reply) => {
    const company = societyOf(ctx, request);
    const query = queryOf(request);
    requireVersion(query);
    const period = parsePeriod(query, company);
    const journalIds = many(query, 'journalIds');
    if (journalIds.some((id) => !/^\d+$/.test(id)))
      throw badRequest('ERR-INVALID-JOURNAL-ID', 'journalIds are integers.');
    const comment = flag(query, 'comment');
    const baseUrl = baseUrlOf(request);
    const entries = (function* () {
      for (const entry of entriesInPeriod(ctx.dataset, company, period)) {
        if (journalIds.length === 0 || journalIds.includes(entry.journal.id))
          yield madEntry(company, entry, baseUrl, comment);
      }
    })();
    return reply.type('application/json').send(jsonArrayStream(entries));
  });

  app.get('/api/v1/mad/journals', async (request) => {
    const company = societyOf(ctx, request);
    requireVersion(queryOf(request));
    return madJournals(company);
  });

  app.get('/api/v1/mad/accounts', async (request) => {
    societyOf(ctx, request);
    requireVersion(queryOf(request));
    return madAccounts();
  });

  app.get('/api/v1/mad/exercices', async (request) => {
    const company = societyOf(ctx, request);
    requireVersion(queryOf(request));
    return company.exercises.map(madExercice);
  });
}
