/**
 * A company's documents, and document uploads and expense bills: validated, capability-checked,
 * idempotent, streamed to the provider.
 */
import { z } from 'zod';
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import type { CompanyRecord, DocumentRecord } from '../../domain/model';
import type { UploadPayload } from '../../providers/types';
import { requireMethod } from '../capabilities';
import type { Connection } from '../common/connection.type';
import { listConnection } from '../common/list-connection';
import { parsePageArgs } from '../common/pagination.validation';
import { parseInput, withoutNulls } from '../common/validation';
import { withIdempotency } from '../idempotency';
import type { CreateExpenseBillInput, DocumentFilterInput, UploadDocumentInput } from './document.input';
import { validateDocumentFilter } from './document.validation';

/** `Company.documents`: the filter and page arguments as the schema gives them, validated here. */
export function documentsConnection(
  ctx: RequestContext,
  company: Pick<CompanyRecord, 'provider' | 'providerId'>,
  filter: DocumentFilterInput | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<DocumentRecord>> {
  const valid = validateDocumentFilter(filter);
  return listConnection(ctx, company, {
    name: 'documents',
    filter: valid,
    args: parsePageArgs(first, after),
    fetch: (session, page) =>
      requireMethod(session, 'listDocuments', 'DOCUMENTS')(company.providerId, valid, page),
  });
}

const text = z.string().trim().min(1).max(255).nullish();
const uploadShape = z.object({ reference: text, sourceId: text, skipExtraction: z.boolean().nullish() });
const expenseBillShape = z.object({ reference: text, beneficiaryFullName: text });

/** What binds an idempotency key to a file: its name, type and bytes (SHA-256 of the spooled upload). */
const fileFingerprint = (file: UploadPayload) => ({
  name: file.fileName,
  type: file.contentType,
  sha256: file.sha256,
});

export async function uploadDocument(
  ctx: RequestContext,
  input: UploadDocumentInput,
): Promise<DocumentRecord> {
  const company = decodeGlobalIdOf(input.companyId, ['Company'], 'input.companyId');
  const extra = withoutNulls(
    parseInput(
      uploadShape,
      { reference: input.reference, sourceId: input.sourceId, skipExtraction: input.skipExtraction },
      'input',
    ),
  );
  const session = ctx.mutationSession(company.provider, company.companyId, 'input.companyId');
  const upload = requireMethod(session, 'uploadDocument', 'UPLOAD_DOCUMENT');
  const file = await input.file.toPayload('input.file');
  const fingerprint = { company, type: input.type, ...extra, file: fileFingerprint(file) };
  return withIdempotency(ctx, input.idempotencyKey, 'uploadDocument', fingerprint, (journal) =>
    upload({ companyId: company.companyId, file, type: input.type, ...extra }, journal),
  );
}

export async function createExpenseBill(
  ctx: RequestContext,
  input: CreateExpenseBillInput,
): Promise<DocumentRecord> {
  const company = decodeGlobalIdOf(input.companyId, ['Company'], 'input.companyId');
  const extra = withoutNulls(
    parseInput(
      expenseBillShape,
      { reference: input.reference, beneficiaryFullName: input.beneficiaryFullName },
      'input',
    ),
  );
  const session = ctx.mutationSession(company.provider, company.companyId, 'input.companyId');
  const create = requireMethod(session, 'createExpenseBill', 'EXPENSE_BILLS');
  const file = await input.file.toPayload('input.file');
  const fingerprint = { company, ...extra, file: fileFingerprint(file) };
  return withIdempotency(ctx, input.idempotencyKey, 'createExpenseBill', fingerprint, (journal) =>
    create({ companyId: company.companyId, file, ...extra }, journal),
  );
}
