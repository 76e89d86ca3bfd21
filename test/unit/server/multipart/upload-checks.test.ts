/** Upload checks: the type read from the magic bytes, file names made safe, spooling with its size limit. */
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { spoolUpload, UploadRefusal } from '../../../../src/server/multipart/spool-upload';
import { sniffUploadType } from '../../../../src/server/multipart/upload-content-type';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from '../../../../src/server/multipart/upload-file-name';

describe('sniffUploadType', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['TIFF little-endian', Buffer.from('II*\0rest', 'latin1'), 'image/tiff'],
    ['TIFF big-endian', Buffer.from('MM\0*rest', 'latin1'), 'image/tiff'],
  ])('recognises %s', (_name, head, contentType) => {
    expect(sniffUploadType(head)?.contentType).toBe(contentType);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1')],
    ['HTML', Buffer.from('<html><script>')],
    ['a ZIP (docx)', Buffer.from('PK\x03\x04\x14\0', 'latin1')],
    ['a PNG cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['PDF not at the start', Buffer.from(' %PDF-1.4')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, head) => {
    expect(sniffUploadType(head)).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['facture.pdf', 'facture.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\x\\scan.tif', 'scan.tif'],
    ['in\u0000voice\u0007.pdf', 'invoice.pdf'],
    ['evil\u202egnp.pdf', 'evilgnp.pdf'],
    ['a..b...pdf', 'a.b.pdf'],
    ['..hidden', 'hidden.pdf'],
    ['no extension', 'no extension.pdf'],
    ['what?<x>.pdf', 'what__x_.pdf'],
  ])('%j becomes %j', (raw, safe) => {
    expect(sanitizeFileName(raw, 'pdf')).toBe(safe);
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'é'.repeat(500)}.jpeg`, 'jpg');
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name?.endsWith('é.jpeg')).toBe(true);
  });

  it.each(['', '../..', '/', '\u0001\u0002'])('refuses %j, where nothing is left', (raw) => {
    expect(sanitizeFileName(raw, 'pdf')).toBeNull();
  });
});

describe('spoolUpload', () => {
  function part(chunks: Buffer[], limitAfter?: number): PassThrough {
    const stream = new PassThrough();
    setImmediate(() => {
      for (const chunk of chunks) stream.write(chunk);
      // busboy signals a part over its fileSize with a `limit` event, then ends it truncated.
      if (limitAfter !== undefined) stream.emit('limit');
      stream.end();
    });
    return stream;
  }

  it('keeps the bytes, split anywhere, and reads them back from the start', async () => {
    const chunks = [Buffer.from('%P'), Buffer.from('DF-1.4 '), Buffer.from('body')];
    const spooled = await spoolUpload(part(chunks), 'x.pdf', 1_000);
    expect(spooled).toMatchObject({
      size: 13,
      type: { contentType: 'application/pdf' },
      declaredName: 'x.pdf',
    });
    expect(await text(spooled.open())).toBe('%PDF-1.4 body');
  });

  it('refuses bytes of another type, whatever the name says', async () => {
    const refused = spoolUpload(part([Buffer.from('MZ\x90\0 not a pdf', 'latin1')]), 'x.pdf', 1_000);
    await expect(refused).rejects.toMatchObject({ reason: 'type' });
    await expect(refused).rejects.toBeInstanceOf(UploadRefusal);
  });

  it('refuses a part over the limit', async () => {
    const refused = spoolUpload(part([Buffer.from('%PDF-1.4 '), Buffer.alloc(64)], 0), 'x.pdf', 32);
    await expect(refused).rejects.toMatchObject({ reason: 'size', maxBytes: 32 });
  });

  it('refuses an empty part', async () => {
    await expect(spoolUpload(part([]), 'x.pdf', 32)).rejects.toMatchObject({ reason: 'type' });
  });
});
