/**
 * `limits.maxBatchOperations`: batched requests (a JSON array of operations, Apollo's
 * `allowBatchedHttpRequests`) carry at most this many operations. Threat: one HTTP request smuggling
 * hundreds of operations, each within the per-operation limits. Checked once the body is parsed
 * (multipart `operations` arrays included), before Apollo sees it.
 */
import type { FastifyInstance } from 'fastify';
import { LimitExceededError } from '../../errors';
import { refuseRequest } from './refuse-request';

export function useBatchLimit(scope: FastifyInstance, maxBatchOperations: number): void {
  scope.addHook('preHandler', async (request, reply) => {
    if (!Array.isArray(request.body) || request.body.length <= maxBatchOperations) return;
    return refuseRequest(
      reply,
      new LimitExceededError(
        'maxBatchOperations',
        maxBatchOperations,
        `The batch holds ${request.body.length} operations; the limit (limits.maxBatchOperations) is ${maxBatchOperations}.`,
      ),
    );
  });
}
