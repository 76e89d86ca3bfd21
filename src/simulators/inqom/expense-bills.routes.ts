/** The seed's expense-bill route: a multipart upload answering only `{ DocumentId }`. */
import type { FastifyInstance } from 'fastify';
import type { InqomAccess } from './access';
import type { InqomDocumentStore } from './documents';
import { isMultipartBody } from './multipart';
import { sendProblem } from './problem';

export function registerExpenseBillRoutes(
  app: FastifyInstance,
  access: InqomAccess,
  store: InqomDocumentStore,
): void {
  app.post<{ Params: { folderId: string } }>(
    '/api/v1/accounting-folders/:folderId/expense-bills',
    async (request, reply) => {
      const folder = access.folder(request, reply, request.params.folderId);
      if (!folder) return reply;
      if (!isMultipartBody(request.body)) return sendProblem(reply, 400, 'expected multipart/form-data');
      const { fields, files } = request.body;
      const file = files.File;
      if (!file) return sendProblem(reply, 400, 'the File field is required');
      // The docs underline all four fields: each is required.
      const name = fields.FileNameWithExtension;
      if (!name) return sendProblem(reply, 400, 'FileNameWithExtension is required');
      if (!fields.BeneficiaryFullName) return sendProblem(reply, 400, 'BeneficiaryFullName is required');
      if (!fields.DocumentReference) return sendProblem(reply, 400, 'DocumentReference is required');
      const stored = store.add(folder, {
        // An expense bill is a purchase document ("note de frais") carrying its beneficiary.
        type: 'Supplier',
        bytes: file.bytes,
        contentType: file.mimeType,
        name,
        originalName: name,
        docRef: fields.DocumentReference,
        sourceId: null,
        withoutWorkflow: false,
        beneficiary: fields.BeneficiaryFullName,
        contentSource: 'Invoice',
      });
      return reply.send({ DocumentId: stored.json.Id });
    },
  );
}
