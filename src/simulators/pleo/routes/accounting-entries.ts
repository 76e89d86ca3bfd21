/** `POST /v1/accounting-entries:search?company_id=` and `GET /v1/accounting-entries/{id}`. */
import type { FastifyInstance } from 'fastify';
import { accountingEntryJson } from '../accounting-entry';
import type { PleoEntryRef } from '../entry-index';
import { paginate, parsePagination } from '../pagination';
import { sendError, sendJson } from '../replies';
import { companyOrForbid, jsonContext, ownerOf, type PleoState } from '../state';
import { companyQuery, describeIssue, searchBody } from '../validation';

const entryKey = (ref: PleoEntryRef) => String(ref.ordinal).padStart(9, '0');

export function accountingEntryRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    // `::` is Fastify's escape for a literal colon in a path (Google-style custom method).
    app.post('/accounting-entries::search', async (request, reply) => {
      const query = companyQuery.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(query.error));
      const page = parsePagination(request.query);
      if (typeof page === 'string') return sendError(reply, 400, 'VALIDATION_ERROR', page);
      const body = searchBody.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(body.error));
      const company = companyOrForbid(state, request, reply, query.data.company_id);
      if (!company) return reply;
      const { dateFrom, dateTo } = body.data?.filters ?? {};
      let refs = state.entries.entriesOf(company);
      if (dateFrom || dateTo) {
        refs = refs.filter((ref) => {
          const { date } = state.entries.load(ref);
          return (!dateFrom || date >= dateFrom) && (!dateTo || date <= dateTo);
        });
      }
      const { data, pagination } = paginate(refs, entryKey, page);
      const ctx = jsonContext(state, request);
      return sendJson(reply, 200, {
        data: data.map((ref) => accountingEntryJson(ref, state.entries.load(ref), ctx)),
        pagination,
      });
    });

    app.get<{ Params: { id: string } }>('/accounting-entries/:id', async (request, reply) => {
      const ref = state.entries.find(request.params.id);
      // Another account's entry answers like an unknown one.
      if (!ref || ref.company.owner !== ownerOf(request)) {
        return sendError(reply, 404, 'ACCOUNTING_ENTRY_NOT_FOUND', 'Accounting entry not found.');
      }
      return sendJson(reply, 200, {
        data: accountingEntryJson(ref, state.entries.load(ref), jsonContext(state, request)),
      });
    });
  };
}
