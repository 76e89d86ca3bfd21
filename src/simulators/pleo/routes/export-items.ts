/** `GET /v{n}/export-items?job_id=`: the accounting data of a pending or in-progress job's entries. */
import type { FastifyInstance } from 'fastify';
import { exportItemJson } from '../accounting-entry';
import type { PleoEntryRef } from '../entry-index';
import { isTerminal } from '../jobs';
import { paginate, parsePagination } from '../pagination';
import { sendError, sendJson } from '../replies';
import { jsonContext, type PleoState } from '../state';
import { describeIssue, exportItemsQuery } from '../validation';
import { jobOrNotFound } from './export-jobs';

export function exportItemRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    app.get('/export-items', async (request, reply) => {
      const query = exportItemsQuery.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(query.error));
      const page = parsePagination(request.query);
      if (typeof page === 'string') return sendError(reply, 400, 'VALIDATION_ERROR', page);
      const job = jobOrNotFound(state, request, reply, query.data.job_id);
      if (!job) return reply;
      if (isTerminal(job.status)) {
        return sendError(
          reply,
          422,
          'EXPORT_JOB_STATUS_UNPROCESSABLE',
          `The export job is ${job.status}: its data is no longer served.`,
        );
      }
      const refs = job.items.map((item, index) => ({
        ref: state.entries.find(item.accountingEntryId),
        key: String(index).padStart(6, '0'),
      }));
      const present = refs.filter(
        (entry): entry is { ref: PleoEntryRef; key: string } => entry.ref !== undefined,
      );
      const { data, pagination } = paginate(present, (entry) => entry.key, page);
      const ctx = jsonContext(state, request);
      const items = data.map(({ ref }) =>
        exportItemJson(ref, state.entries.load(ref), ctx, job.vendorBasedBookkeeping),
      );
      return sendJson(reply, 200, { data: items, pagination });
    });
  };
}
