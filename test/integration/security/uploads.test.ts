/**
 * Upload checks through the gateway to the Inqom simulator, with `limits.maxUploadBytes` set small:
 * too large (413) and wrong bytes (415, whatever the declared type) are refused with nothing sent
 * upstream; accepted files reach Inqom under a sanitised name.
 */
import { randomBytes } from 'node:crypto';
import { CreateExpenseBillDocument, UploadDocumentDocument } from '@grand-livre/sdk';
import { makePdf } from '../../../src/simulators/data/documents';
import { MAX_FILE_NAME_LENGTH } from '../../../src/server/multipart/upload-file-name';
import { runUpload, type UploadFile } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';

const MAX_UPLOAD_BYTES = 64 * 1024;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({
      ...config,
      logLevel: 'silent',
      limits: { ...config.limits, maxUploadBytes: MAX_UPLOAD_BYTES },
    }),
  });
});
afterAll(() => stack.close());

/** A PDF no other upload has (Inqom answers DUPLICATE to the same bytes). */
const freshPdf = () => makePdf([`Facture ${randomBytes(8).toString('hex')}`]);
const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const file = (bytes: Buffer, fileName = 'facture.pdf', contentType = 'application/pdf'): UploadFile => ({
  variablePath: 'input.file',
  bytes,
  fileName,
  contentType,
});
/** `size` bytes starting with a real PDF header. */
const pdfOfSize = (size: number) => Buffer.concat([freshPdf(), randomBytes(size)]).subarray(0, size);

async function upload(bytes: Buffer, fileName?: string, contentType?: string) {
  const input = { companyId: demoCompany(stack.sims, 'inqom').id, type: 'OTHER' as const, file: null };
  stack.sims.resetRequests();
  const result = await runUpload(stack, UploadDocumentDocument, { input }, [
    file(bytes, fileName, contentType),
  ]);
  return { ...result, upstream: stack.sims.totalRequests() };
}

describe('size (limits.maxUploadBytes)', () => {
  it('refuses a file over the limit with 413, sending nothing upstream', async () => {
    const refused = await upload(pdfOfSize(MAX_UPLOAD_BYTES + 1));
    expect(refused.status).toBe(413);
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.file',
      limit: 'maxUploadBytes',
      max: MAX_UPLOAD_BYTES,
    });
    expect(refused.upstream).toBe(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const accepted = await upload(pdfOfSize(MAX_UPLOAD_BYTES));
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.uploadDocument.name).toBe('facture.pdf');
  });
});

describe('content type, read from the bytes', () => {
  it.each([
    ['a ZIP declared as a PDF', Buffer.from('PK\x03\x04 word document', 'latin1'), 'application/pdf'],
    ['an executable declared as a JPEG', Buffer.from('MZ\x90\0\x03 program', 'latin1'), 'image/jpeg'],
    ['HTML declared as a TIFF', Buffer.from('<html><script>alert(1)</script></html>'), 'image/tiff'],
  ])('refuses %s with 415, sending nothing upstream', async (_name, bytes, contentType) => {
    const refused = await upload(bytes, 'document.pdf', contentType);
    expect(refused.status).toBe(415);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.file' });
    expect(refused.upstream).toBe(0);
  });

  it.each([
    ['a PNG declared as octet-stream', Buffer.concat([PNG_HEADER, randomBytes(64)]), 'scan.png'],
    [
      'a JPEG declared as octet-stream',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]),
      'photo.jpg',
    ],
    [
      'a big-endian TIFF declared as octet-stream',
      Buffer.concat([Buffer.from('MM\0*', 'latin1'), randomBytes(64)]),
      'scan.tif',
    ],
  ])('accepts %s', async (_name, bytes, fileName) => {
    const accepted = await upload(bytes, fileName, 'application/octet-stream');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.uploadDocument.name).toBe(fileName);
    expect(stack.sims.simulators.inqom.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
  });

  it('checks expense bills the same way', async () => {
    const input = {
      companyId: demoCompany(stack.sims, 'inqom').id,
      beneficiaryFullName: 'Camille Martin',
      reference: 'NDF-1',
      file: null,
    };
    stack.sims.resetRequests();
    const refused = await runUpload(stack, CreateExpenseBillDocument, { input }, [
      file(Buffer.from('GIF89a not allowed'), 'receipt.gif', 'image/gif'),
    ]);
    expect(refused.status).toBe(415);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.file' });
    expect(stack.sims.totalRequests()).toBe(0);
  });
});

describe('file names', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\facture.pdf', 'facture.pdf'],
    ['relevé..pdf', 'relevé.pdf'],
    ['sans extension', 'sans extension.pdf'],
  ])('stores %j as %j', async (fileName, stored) => {
    const accepted = await upload(freshPdf(), fileName);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.uploadDocument.name).toBe(stored);
  });

  it('caps a long name, keeping its extension', async () => {
    const accepted = await upload(freshPdf(), `${'n'.repeat(1_000)}.pdf`);
    const name = accepted.data?.uploadDocument.name ?? '';
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('n.pdf')).toBe(true);
  });
});

it('keeps serving uploads after refusals', async () => {
  await upload(pdfOfSize(MAX_UPLOAD_BYTES * 2));
  await upload(Buffer.from('MZ'), 'x.pdf');
  const accepted = await upload(freshPdf());
  expect(accepted.errors).toBeUndefined();
  expect(accepted.upstream).toBeGreaterThan(0);
});
