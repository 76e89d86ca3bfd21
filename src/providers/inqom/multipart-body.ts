/**
 * A streaming multipart/form-data body: text fields, then the file piped from its stream, so an
 * upload is never held in memory. (undici's FormData needs a Blob, which would buffer the file.)
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export type MultipartPart =
  { name: string; value: string } | { name: string; fileName: string; contentType: string; stream: Readable };

/** Quotes a header parameter as the WHATWG multipart encoder does (CR, LF and `"` percent-encoded). */
const quote = (value: string) =>
  `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
const safeType = (value: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(value) ? value : 'application/octet-stream');

export function multipartBody(parts: MultipartPart[]): { contentType: string; body: Readable } {
  const boundary = `----GrandLivre${randomBytes(16).toString('hex')}`;
  async function* generate(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quote(part.name)}`;
      if ('stream' in part) {
        head += `; filename=${quote(part.fileName)}\r\nContent-Type: ${safeType(part.contentType)}\r\n\r\n`;
        yield Buffer.from(head);
        for await (const chunk of part.stream)
          yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      } else {
        yield Buffer.from(`${head}\r\n\r\n${part.value}`);
      }
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Readable.from(generate()) };
}
