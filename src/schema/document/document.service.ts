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
import { downloadLink, NO_LINK, type LinkFields } from '../common/download-link';
import { listConnection } from '../common/list-connection';
import type { PageArgs } from '../common/pagination.validation';
import type { DocumentFilter } from '../../providers/types';
import { parseInput, withoutNulls } from '../common/validation';
import { withIdempotency } from '../common/idempotent-mutation';
import type { CreateExpenseBillInput, UploadDocumentInput } from './document.input';
import { registerNodeFetcher } from '../node/node-fetchers';

/** `Company.documents`, its arguments validated (document.resolver.ts's field spec). */
export function documentsConnection(
  ctx: RequestContext,
  company: Pick<CompanyRecord, 'provider' | 'providerId'>,
  valid: DocumentFilter,
  page: PageArgs,
): Promise<Connection<DocumentRecord>> {
  return listConnection(ctx, company, {
    name: 'documents',
    filter: valid,
    args: page,
    fetch: (session, page) =>
      requireMethod(session, 'listDocuments', 'DOCUMENTS')(company.providerId, valid, page),
  });
}

const requiredText = z.string().trim().min(1).max(255);
const text = requiredText.nullish();
const uploadShape = z.object({ reference: text, sourceId: text, skipExtraction: z.boolean().nullish() });
const expenseBillShape = z.object({ reference: requiredText, beneficiaryFullName: requiredText });

/** What binds an idempotency key to a file: its name, type and bytes (SHA-256 of the spooled upload). */
const fileFingerprint = (file: UploadPayload) => ({
  name: file.fileName,
  type: file.contentType,
  sha256: file.sha256,
});

/** An upload's fields but the file (also checked before execution: src/schema/common/argument-checks.ts). */
export const validateUploadFields = (
  input: Pick<UploadDocumentInput, 'reference' | 'sourceId' | 'skipExtraction'>,
) =>
  withoutNulls(
    parseInput(
      uploadShape,
      { reference: input.reference, sourceId: input.sourceId, skipExtraction: input.skipExtraction },
      'input',
    ),
  );

/** An expense bill's fields but the file (also checked before execution). */
export const validateExpenseBillFields = (
  input: Pick<CreateExpenseBillInput, 'reference' | 'beneficiaryFullName'>,
) =>
  parseInput(
    expenseBillShape,
    { reference: input.reference, beneficiaryFullName: input.beneficiaryFullName },
    'input',
  );

export async function uploadDocument(
  ctx: RequestContext,
  input: UploadDocumentInput,
): Promise<DocumentRecord> {
  const company = decodeGlobalIdOf(input.companyId, ['Company'], 'input.companyId');
  const extra = validateUploadFields(input);
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
  const extra = validateExpenseBillFields(input);
  const session = ctx.mutationSession(company.provider, company.companyId, 'input.companyId');
  const create = requireMethod(session, 'createExpenseBill', 'EXPENSE_BILLS');
  const file = await input.file.toPayload('input.file');
  const fingerprint = { company, ...extra, file: fileFingerprint(file) };
  return withIdempotency(ctx, input.idempotencyKey, 'createExpenseBill', fingerprint, (journal) =>
    create({ companyId: company.companyId, file, ...extra }, journal),
  );
}

/** The `/documents/<token>` link; UNSUPPORTED_BY_PROVIDER when the provider cannot serve the bytes. */
export function documentDownloadLink(ctx: RequestContext, document: DocumentRecord): Promise<LinkFields> {
  const session = ctx.companySession(document.provider, document.companyId);
  requireMethod(session, 'downloadDocument', 'DOCUMENT_DOWNLOAD');
  const { provider, companyId, providerId: ref } = document;
  return downloadLink(ctx, { kind: 'DOCUMENT', provider, companyId, ref });
}
/**
 * The `/thumbnails/<token>` link: a signed reference to the document, not the provider's URL, which
 * the gateway reads again when the link is followed (as documents do). No link when the provider has no
 * thumbnail, or gives one on a host off the fetch allowlist (logged once, without its query string).
 */
export function documentThumbnailLink(ctx: RequestContext, document: DocumentRecord): Promise<LinkFields> {
  const { thumbnail, provider, companyId, providerId: ref } = document;
  // Once per document and request: thumbnailUrl and thumbnailUrlExpiresAt share the link and its warning.
  return ctx.once(`thumbnail-link:${provider}:${companyId}:${ref}`, async () => {
    if (!thumbnail) return NO_LINK;
    if (!thumbnail.fetchable) {
      ctx.logger.warn(
        { provider, document: ref, thumbnailAt: thumbnail.refusedAt },
        'thumbnail not served: its host is not on the fetch allowlist',
      );
      return NO_LINK;
    }
    if (!ctx.companySession(provider, companyId).downloadDocumentThumbnail) return NO_LINK;
    return downloadLink(ctx, { kind: 'THUMBNAIL', provider, companyId, ref });
  });
}

registerNodeFetcher('Document', (_ctx, session, { companyId, nativeId }) =>
  requireMethod(session, 'getDocument', 'DOCUMENTS')(companyId, nativeId),
);
