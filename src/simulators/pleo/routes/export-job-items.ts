/** `GET|PUT /v{n}/export-jobs/{jobId}/items`. */
import type { FastifyInstance } from 'fastify';
import { exportJobItemJson, isTerminal, type SimItem } from '../jobs';
import { paginate, parsePagination } from '../pagination';
import { sendError, sendJson } from '../replies';
import type { PleoState } from '../state';
import { describeIssue, itemUpdate, itemsQuery } from '../validation';
import { jobOrNotFound } from './export-jobs';

/** Pleo's documented cap on one item update. */
export const MAX_ITEM_UPDATES = 100;

type Params = { Params: { jobId: string } };

export function exportJobItemRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    app.get<Params>('/export-jobs/:jobId/items', async (request, reply) => {
      const job = jobOrNotFound(state, request, reply, request.params.jobId);
      if (!job) return reply;
      const query = itemsQuery.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(query.error));
      const page = parsePagination(request.query);
      if (typeof page === 'string') return sendError(reply, 400, 'VALIDATION_ERROR', page);
      const keyed = job.items.map((item, index) => ({ item, key: String(index).padStart(6, '0') }));
      const selected = keyed.filter(({ item }) => !query.data.status || item.status === query.data.status);
      const { data, pagination } = paginate(selected, (entry) => entry.key, page);
      return sendJson(reply, 200, { data: data.map(({ item }) => exportJobItemJson(job, item)), pagination });
    });

    app.put<Params>('/export-jobs/:jobId/items', async (request, reply) => {
      const job = jobOrNotFound(state, request, reply, request.params.jobId);
      if (!job) return reply;
      if (!Array.isArray(request.body))
        return sendError(reply, 400, 'VALIDATION_ERROR', 'body: expected an array of item updates');
      if (request.body.length > MAX_ITEM_UPDATES) {
        return sendError(
          reply,
          413,
          'EXPORT_JOB_ITEMS_UPDATE_LIMIT',
          `At most ${MAX_ITEM_UPDATES} items can be updated at once.`,
        );
      }
      const updates = itemUpdate.array().safeParse(request.body);
      if (!updates.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(updates.error));
      if (isTerminal(job.status)) {
        return sendError(
          reply,
          422,
          'EXPORT_JOB_STATUS_UNPROCESSABLE',
          `The export job is ${job.status}: its items can no longer change.`,
        );
      }
      const now = state.now();
      const data: SimItem[] = [];
      const errors: {
        accountingEntryId: string;
        message: string;
        type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST';
      }[] = [];
      for (const update of updates.data) {
        const item = job.items.find(
          (candidate) => candidate.accountingEntryId === update.accountingEntryId.toLowerCase(),
        );
        if (!item) {
          errors.push({
            accountingEntryId: update.accountingEntryId,
            message: 'The accounting entry is not part of this export job.',
            type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
          });
          continue;
        }
        Object.assign(item, {
          status: update.status,
          failureReason: update.status === 'failed' ? (update.failureReason ?? null) : null,
          externalId: update.externalId ?? item.externalId,
          externalUrl: update.externalUrl ?? item.externalUrl,
          updatedAt: now,
        });
        data.push(item);
      }
      // An item update is an action on the job: the client now drives it, and its expiry restarts.
      job.mode = 'client';
      job.lastUpdatedAt = now;
      return sendJson(reply, 200, { data: data.map((item) => exportJobItemJson(job, item)), errors });
    });
  };
}
