/** A multipart/form-data body parser for the upload routes (busboy), registered in their plugin scope. */
import busboy from 'busboy';
import type { FastifyInstance } from 'fastify';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

/** Refuses bodies larger than this (the gateway caps uploads at 20 MB by default). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const isMultipartBody = (body: unknown): body is MultipartBody =>
  typeof body === 'object' && body !== null && 'fields' in body && 'files' in body;

export function registerMultipartParser(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    const fields: Record<string, string> = {};
    const files: Record<string, UploadedFile> = {};
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) done(Object.assign(error, { statusCode: 400 }), undefined);
      else done(null, { fields, files } satisfies MultipartBody);
    };
    const fail = (message: string) => finish(new Error(message));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { fileSize: MAX_FILE_BYTES, files: 4, fields: 32 },
      });
    } catch {
      return fail('malformed multipart/form-data request');
    }
    parser.on('field', (name, value) => void (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail('file too large'));
      stream.on('end', () => {
        files[name] = {
          fileName: info.filename ?? '',
          mimeType: info.mimeType,
          bytes: Buffer.concat(chunks),
        };
      });
    });
    parser.on('error', () => fail('malformed multipart/form-data body'));
    parser.on('close', () => finish(null));
    payload.pipe(parser);
  });
}
