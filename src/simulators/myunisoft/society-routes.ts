/** `GET /api/v1/key/info`, `GET /api/v1/society` and the legacy `GET /api/v1/society/exercice`. */
import type { FastifyInstance } from 'fastify';
import type { Windev } from '@myunisoft/tsd';
import { badRequest } from './errors';
import { callerOf, queryOf, societyOf, type MyUnisoftContext } from './context';
import { legacyExercise, societyListEntity } from './legacy-shapes';
import { single } from './mad-params';

const SORTS = ['name', '-name', 'society_id', '-society_id'];

/** Not documented: the page size of `/society` and its page parameter. The simulator pages by 10 with `page` (1-based). */
export const SOCIETIES_PER_PAGE = 10;

export function registerSocietyRoutes(app: FastifyInstance, ctx: MyUnisoftContext): void {
  // mode=extended activates the token (done in the auth hook); both modes list the token's routes (a guess).
  app.get('/api/v1/key/info', async (request) => callerOf(request).routes);

  app.get('/api/v1/society', async (request) => {
    const caller = callerOf(request);
    const societies = ctx.auth.societies(caller);
    if (caller.kind === 'company') return societyListEntity(societies[0]!);
    const query = queryOf(request);
    const q = single(query, 'q')?.toLowerCase();
    const siret = single(query, 'siret')?.replace(/\s/g, '');
    // Not documented: the sort syntax. The simulator takes a column name, `-` first for descending.
    const sort = single(query, 'sort') ?? 'society_id';
    if (!SORTS.includes(sort))
      throw badRequest('ERR-INVALID-SORT', 'sort is one of name, society_id (prefix - to reverse).');
    const column = sort.replace('-', '') as 'name' | 'society_id';
    const rows = societies
      .filter((c) => (!q || c.name.toLowerCase().includes(q)) && (!siret || c.siret.startsWith(siret)))
      .map(societyListEntity)
      .sort(
        (a, b) =>
          (column === 'name' ? a.name.localeCompare(b.name) : a.society_id - b.society_id) *
          (sort.startsWith('-') ? -1 : 1),
      );
    const page = Number(single(query, 'page') ?? 1);
    if (!Number.isInteger(page) || page < 1)
      throw badRequest('ERR-INVALID-PAGE', 'page is a positive integer.');
    const body: Windev.Society.SocietiesArray = {
      row_numbers: rows.length,
      pages_number: Math.max(1, Math.ceil(rows.length / SOCIETIES_PER_PAGE)),
      society_array: rows.slice((page - 1) * SOCIETIES_PER_PAGE, page * SOCIETIES_PER_PAGE),
    };
    return body;
  });

  app.get('/api/v1/society/exercice', async (request) => {
    const company = societyOf(ctx, request);
    return company.exercises.map((exercise) =>
      legacyExercise(exercise, ctx.exerciseTotals(company, exercise)),
    );
  });
}
