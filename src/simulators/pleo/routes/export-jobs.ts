/** `POST|GET /v{n}/export-jobs` and `GET /v{n}/export-jobs/{jobId}`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasContraAccount } from '../accounting-entry';
import { exportJobJson, isTerminal, jobKey, type SimJob } from '../jobs';
import { advance, planOutcome } from '../lifecycle';
import { paginate, parsePagination } from '../pagination';
import { sendError, sendJson } from '../replies';
import { companyOrForbid, ownerOf, type PleoState } from '../state';
import { createExportJobBody, describeIssue, exportJobsQuery } from '../validation';

/** A job of the request's account, advanced to now; otherwise a 404 already sent. */
export function jobOrNotFound(
  state: PleoState,
  request: FastifyRequest,
  reply: FastifyReply,
  jobId: string,
): SimJob | null {
  const job = state.jobs.get(jobId);
  // Another account's job answers like an unknown one: job ids are not secrets, existence still is.
  if (!job || job.owner !== ownerOf(request)) {
    sendError(reply, 404, 'EXPORT_NOT_FOUND', 'Export job not found.');
    return null;
  }
  advance(job, state.now());
  return job;
}

export function exportJobRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    app.post('/export-jobs', async (request, reply) => {
      const body = createExportJobBody.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(body.error));
      const company = companyOrForbid(state, request, reply, body.data.companyId);
      if (!company) return reply;
      const ids = [...new Set(body.data.accountingEntryIds.map((id) => id.toLowerCase()))];
      const refs = ids.map((id) => state.entries.find(id));
      const unknown = refs.filter((ref) => !ref || ref.company.id !== company.id).length;
      if (unknown > 0) {
        return sendError(
          reply,
          400,
          'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
          `${unknown} accounting entries do not exist in this company.`,
        );
      }
      const now = state.now();
      const running = state.jobs
        .ofCompany(company.id)
        .filter((job) => (advance(job, now), !isTerminal(job.status)));
      if (running.length > 0) {
        return sendError(
          reply,
          409,
          'EXPORT_ALREADY_IN_PROGRESS',
          'An export job is already pending or in progress for this company.',
        );
      }
      const withoutContra = refs.filter((ref) => ref && !hasContraAccount(state.entries.load(ref))).length;
      if (withoutContra > 0) {
        return sendError(
          reply,
          400,
          'MISSING_CONTRA_ACCOUNTS',
          `${withoutContra} accounting entries have no contra account.`,
        );
      }
      const { id, seq } = state.jobs.nextId();
      const job: SimJob = {
        id,
        seq,
        owner: company.owner,
        companyId: company.id,
        createdBy: body.data.employeeId ?? null,
        isInteractive: body.data.isInteractive ?? true,
        vendorBasedBookkeeping: body.data.options?.vendorBasedBookkeeping ?? false,
        status: 'pending',
        createdAt: now,
        startedAt: null,
        completedAt: null,
        expiredAt: null,
        lastUpdatedAt: now,
        failureReason: null,
        failureReasonType: null,
        items: ids.map((accountingEntryId) => ({
          accountingEntryId,
          status: 'pending',
          failureReason: null,
          externalId: null,
          externalUrl: null,
          createdAt: now,
          updatedAt: now,
        })),
        mode: 'auto',
        outcome: planOutcome(state.dataset.seed, ids),
      };
      state.jobs.add(job);
      return sendJson(reply, 201, { data: exportJobJson(job) });
    });

    app.get('/export-jobs', async (request, reply) => {
      const query = exportJobsQuery.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(query.error));
      const page = parsePagination(request.query);
      if (typeof page === 'string') return sendError(reply, 400, 'VALIDATION_ERROR', page);
      const company = companyOrForbid(state, request, reply, query.data.company_id);
      if (!company) return reply;
      const statuses = [...(query.data['statuses[]'] ?? []), ...(query.data.statuses ?? [])];
      const now = state.now();
      const jobs = state.jobs
        .ofCompany(company.id)
        .filter((job) => (advance(job, now), statuses.length === 0 || statuses.includes(job.status)));
      const { data, pagination } = paginate(jobs, jobKey, page, 'desc');
      return sendJson(reply, 200, { data: data.map(exportJobJson), pagination });
    });

    app.get<{ Params: { jobId: string } }>('/export-jobs/:jobId', async (request, reply) => {
      const job = jobOrNotFound(state, request, reply, request.params.jobId);
      if (!job) return reply;
      return sendJson(reply, 200, { data: exportJobJson(job) });
    });
  };
}
