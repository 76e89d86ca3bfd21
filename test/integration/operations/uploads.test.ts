/**
 * `UploadDocument` and `CreateExpenseBill` as GraphQL multipart requests through the gateway to the
 * Inqom simulator (POST …/Documents/ and POST …/expense-bills): the bytes arrive intact (their SHA-1
 * is Inqom's checksum and the download URL serves them back), and the same bytes again come back as
 * DUPLICATE pointing at the first upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'undici';
import { CreateExpenseBillDocument, GetDocumentDocument, UploadDocumentDocument } from '@grand-livre/sdk';
import { makePdf } from '../../../src/simulators/data/documents';
import { dataOf, runOperation, runUpload, type UploadFile } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from './fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex').toUpperCase();
/** A PDF no other test uploads: a random reference makes its bytes unique. */
const freshPdf = () => makePdf([`Facture ${randomBytes(8).toString('hex')}`, 'Total TTC 120,00 EUR']);
const pdfFile = (bytes: Buffer, fileName = 'facture.pdf'): UploadFile => ({
  variablePath: 'input.file',
  bytes,
  fileName,
  contentType: 'application/pdf',
});

describe('UploadDocument', () => {
  it('streams the file to Inqom; the same bytes again are a DUPLICATE of the first', async () => {
    const { id } = demoCompany(stack.sims, 'inqom');
    const bytes = freshPdf();
    const input = { companyId: id, type: 'PURCHASE_INVOICE' as const, reference: 'REF-1', file: null };
    const first = dataOf(
      await runUpload(stack, UploadDocumentDocument, { input }, [pdfFile(bytes)]),
    ).uploadDocument;
    expect(first).toMatchObject({
      name: 'facture.pdf',
      type: 'PURCHASE_INVOICE',
      checksum: sha1(bytes),
      duplicateOf: null,
    });
    expect(first.status).not.toBe('DUPLICATE');

    const again = dataOf(
      await runUpload(stack, UploadDocumentDocument, { input }, [pdfFile(bytes, 'facture-bis.pdf')]),
    ).uploadDocument;
    expect(again).toMatchObject({
      status: 'DUPLICATE',
      checksum: sha1(bytes),
      duplicateOf: { id: first.id },
    });
    expect(again.id).not.toBe(first.id);
  });

  it('serves the uploaded bytes back through the document’s downloadUrl', async () => {
    const { id } = demoCompany(stack.sims, 'inqom');
    const bytes = freshPdf();
    const input = { companyId: id, type: 'SALES_INVOICE' as const, file: null };
    const uploaded = dataOf(
      await runUpload(stack, UploadDocumentDocument, { input }, [pdfFile(bytes)]),
    ).uploadDocument;
    const data = dataOf(await runOperation(stack, GetDocumentDocument, { id: uploaded.id }));
    if (data.node?.__typename !== 'Document') throw new Error('not a document');
    const response = await request(data.node.downloadUrl ?? 'missing');
    expect(response.statusCode).toBe(200);
    expect(Buffer.from(await response.body.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for a MyUnisoft company', async () => {
    const { id } = demoCompany(stack.sims, 'myunisoft');
    const input = { companyId: id, type: 'OTHER' as const, file: null };
    const result = await runUpload(stack, UploadDocumentDocument, { input }, [pdfFile(freshPdf())]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
  });
});

describe('CreateExpenseBill', () => {
  it('files the receipt with Inqom and returns the created document', async () => {
    const { id } = demoCompany(stack.sims, 'inqom');
    const bytes = freshPdf();
    const input = { companyId: id, beneficiaryFullName: 'Camille Martin', reference: 'NDF-42', file: null };
    stack.sims.resetRequests();
    const bill = dataOf(
      await runUpload(stack, CreateExpenseBillDocument, { input }, [pdfFile(bytes, 'taxi.pdf')]),
    ).createExpenseBill;
    expect(bill).toMatchObject({ name: 'taxi.pdf', id: expect.any(String) });
    const posts = stack.sims.simulators.inqom.requests.filter((r) => r.path.endsWith('/expense-bills'));
    expect(posts.map((r) => [r.method, r.status])).toEqual([['POST', 200]]);
    const data = dataOf(await runOperation(stack, GetDocumentDocument, { id: bill.id }));
    expect(data.node).toMatchObject({ __typename: 'Document', checksum: sha1(bytes) });
  });
});
