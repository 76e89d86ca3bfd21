/** `POST /v{n}/export-job-events`: an integration reports a job's progress. */
import type { FastifyInstance } from 'fastify';
import { applyEvent } from '../lifecycle';
import { sendError } from '../replies';
import type { PleoState } from '../state';
import { describeIssue, exportJobEventBody } from '../validation';
import { jobOrNotFound } from './export-jobs';

export function exportJobEventRoutes(state: PleoState) {
  return async (app: FastifyInstance) => {
    app.post('/export-job-events', async (request, reply) => {
      const body = exportJobEventBody.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'VALIDATION_ERROR', describeIssue(body.error));
      const job = jobOrNotFound(state, request, reply, body.data.jobId);
      if (!job) return reply;
      const failure = { reason: body.data.failureReason ?? null, type: body.data.failureReasonType ?? null };
      if (!applyEvent(job, body.data.event, state.now(), failure)) {
        return sendError(
          reply,
          422,
          'INVALID_EXPORT_JOB_STATUS_CHANGE',
          `Event ${body.data.event} is not allowed on a ${job.status} job.`,
        );
      }
      state.appliedEvents.push({ jobId: job.id, event: body.data.event });
      // Accepted: the change is visible on the next GET of the job.
      return reply.code(202).send();
    });
  };
}
