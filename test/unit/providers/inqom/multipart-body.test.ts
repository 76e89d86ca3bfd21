/** The streamed multipart body, read back by busboy as a server would. */
import busboy from 'busboy';
import { Readable } from 'node:stream';
import { multipartBody } from '../../../../src/providers/inqom/multipart-body';

async function parse(contentType: string, body: Readable) {
  const fields: Record<string, string> = {};
  const files: Record<string, { name: string; type: string; bytes: Buffer }> = {};
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on(
        'end',
        () =>
          (files[name] = { name: info.filename ?? '', type: info.mimeType, bytes: Buffer.concat(chunks) }),
      );
    });
    parser.on('close', resolve);
    parser.on('error', reject);
    body.pipe(parser);
  });
  return { fields, files };
}

describe('multipartBody', () => {
  it('streams fields and a file chunk by chunk, readable by a standard parser', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (const c of chunks) {
          pulled++;
          yield c;
        }
      })(),
    );
    const { contentType, body } = multipartBody([
      { name: 'TypeScan', value: 'Supplier' },
      { name: 'DocumentName', value: 'Facture "été"\r\n.pdf' },
      { name: 'Document', fileName: 'facture.pdf', contentType: 'application/pdf', stream: source },
    ]);
    expect(pulled).toBe(0); // nothing read before the body is consumed
    const { fields, files } = await parse(contentType, body);
    expect(fields.TypeScan).toBe('Supplier');
    expect(fields.DocumentName).toBe('Facture "été"\r\n.pdf');
    expect(files.Document!.name).toBe('facture.pdf');
    expect(files.Document!.type).toBe('application/pdf');
    expect(files.Document!.bytes.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('neutralises header injection in names and content types', async () => {
    const { contentType, body } = multipartBody([
      {
        name: 'File',
        fileName: 'a"\r\nX-Evil: 1.pdf',
        contentType: 'text/html\r\nX-Evil: 1',
        stream: Readable.from([Buffer.from('x')]),
      },
    ]);
    const { files } = await parse(contentType, body);
    expect(files.File!.type).toBe('application/octet-stream');
    expect(files.File!.name).not.toContain('\n');
  });
});
