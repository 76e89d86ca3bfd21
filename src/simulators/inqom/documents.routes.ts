/**
 * The seed's documents routes: get by id, multipart upload, temporary public URL — plus a listing,
 * which Inqom does not document: `GET …/Documents?pageNumber=&pageSize=&type=&status=&createdFrom=
 * &createdTo=` answering `{ Items, PageNumber, PageSize, TotalCount, TotalPages }` is this
 * simulator's choice (the connector keeps it in one place).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GenDocumentType } from '../data/documents';
import type { InqomAccess } from './access';
import { INQOM_STATUSES, INQOM_TYPES, type InqomDocumentStore, type InqomStatus } from './documents';
import { isMultipartBody } from './multipart';
import { sendProblem } from './problem';
import type { PublicUrls } from './public-urls';

const BASE = '/api/accounting-documents/accounting-folders/:folderId/Documents';
const MAX_PAGE_SIZE = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type FolderParams = { folderId: string };
type DocumentParams = FolderParams & { documentId: string };
type ListQuery = Partial<
  Record<'pageNumber' | 'pageSize' | 'type' | 'status' | 'createdFrom' | 'createdTo', string>
>;

export function registerDocumentRoutes(
  app: FastifyInstance,
  access: InqomAccess,
  store: InqomDocumentStore,
  urls: PublicUrls,
): void {
  const documentOf = (request: FastifyRequest<{ Params: DocumentParams }>, reply: FastifyReply) => {
    const folder = access.folder(request, reply, request.params.folderId);
    if (!folder) return null;
    const doc = store.find(folder, request.params.documentId);
    if (!doc) sendProblem(reply, 404, 'no such document in this accounting folder');
    return doc ?? null;
  };

  app.get<{ Params: DocumentParams }>(`${BASE}/:documentId`, async (request, reply) => {
    const doc = documentOf(request, reply);
    return doc ? reply.send(doc.json) : reply;
  });

  app.get<{ Params: DocumentParams }>(`${BASE}/:documentId/public-url`, async (request, reply) => {
    const doc = documentOf(request, reply);
    if (!doc) return reply;
    return reply
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(`http://${request.headers.host}${urls.create(doc)}`));
  });

  app.get<{ Params: FolderParams; Querystring: ListQuery }>(BASE, async (request, reply) => {
    const folder = access.folder(request, reply, request.params.folderId);
    if (!folder) return reply;
    const q = request.query;
    const pageNumber = Number(q.pageNumber ?? 1);
    const pageSize = Number(q.pageSize ?? 50);
    if (!Number.isInteger(pageNumber) || pageNumber < 1)
      return sendProblem(reply, 400, 'pageNumber must be an integer >= 1');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return sendProblem(reply, 400, `pageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`);
    }
    if (q.type && !INQOM_TYPES.includes(q.type as GenDocumentType))
      return sendProblem(reply, 400, 'unknown type');
    if (q.status && !INQOM_STATUSES.includes(q.status as InqomStatus))
      return sendProblem(reply, 400, 'unknown status');
    if ((q.createdFrom && !DATE.test(q.createdFrom)) || (q.createdTo && !DATE.test(q.createdTo))) {
      return sendProblem(reply, 400, 'createdFrom and createdTo are dates (YYYY-MM-DD)');
    }
    const matching = store
      .list(folder)
      .map((d) => d.json)
      .filter((d) => (!q.type || d.Type === q.type) && (!q.status || d.Status === q.status))
      .filter(
        (d) =>
          (!q.createdFrom || d.CreatedAt.slice(0, 10) >= q.createdFrom) &&
          (!q.createdTo || d.CreatedAt.slice(0, 10) <= q.createdTo),
      )
      .sort((a, b) => a.Id - b.Id);
    const Items = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
      Items,
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: matching.length,
      TotalPages: Math.ceil(matching.length / pageSize),
    };
  });

  // The seed writes the upload URL with a trailing slash; both spellings are served.
  app.post<{ Params: FolderParams }>(`${BASE}/`, upload);
  app.post<{ Params: FolderParams }>(BASE, upload);

  async function upload(request: FastifyRequest<{ Params: FolderParams }>, reply: FastifyReply) {
    const folder = access.folder(request, reply, request.params.folderId);
    if (!folder) return reply;
    if (!isMultipartBody(request.body)) return sendProblem(reply, 400, 'expected multipart/form-data');
    const { fields, files } = request.body;
    const file = files.Document;
    if (!file) return sendProblem(reply, 400, 'the Document field (the file) is required');
    if (!fields.TypeScan) return sendProblem(reply, 400, 'TypeScan is required');
    if (!INQOM_TYPES.includes(fields.TypeScan as GenDocumentType))
      return sendProblem(reply, 400, 'TypeScan must be Client, Supplier or Others');
    if (fields.FileSource !== undefined && fields.FileSource !== 'Api')
      return sendProblem(reply, 400, 'FileSource must be Api');
    const name = fields.DocumentName || file.fileName;
    const stored = store.add(folder, {
      type: fields.TypeScan as GenDocumentType,
      bytes: file.bytes,
      contentType: file.mimeType,
      name,
      originalName: file.fileName || name,
      docRef: fields.DocRef || null,
      sourceId: fields.SourceId || null,
      withoutWorkflow: fields.WithoutWorkflow?.toLowerCase() === 'true',
      beneficiary: null,
      contentSource: 'DocData',
    });
    return reply.send(stored.json);
  }
}
