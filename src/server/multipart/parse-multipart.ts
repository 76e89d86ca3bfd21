/**
 * Parses a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec)
 * with busboy, streaming: the body resolves as soon as `operations` and `map` are read, with each
 * mapped variable replaced by a FileUpload whose bytes arrive while the resolver runs.
 * Limits (file size, file count, field size) stop oversized or abusive requests early.
 */
import busboy from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { BadUserInputError } from '../../errors';
import { FileUpload } from './file-upload';
import { spoolUpload, type SpooledUpload } from './spool-upload';

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxFieldBytes: number;
}

export interface ParsedMultipart {
  body: unknown;
  /** Drains whatever the resolvers did not read, so the connection is freed. */
  release(): void;
}

const mapShape = z.record(z.string(), z.array(z.string().min(1)).min(1));

class Deferred {
  resolve!: (file: SpooledUpload) => void;
  reject!: (error: Error) => void;
  readonly promise = new Promise<SpooledUpload>((resolve, reject) =>
    Object.assign(this, { resolve, reject }),
  );
}

function badRequest(message: string): Error {
  return Object.assign(new BadUserInputError(message), { statusCode: 400 });
}

export function parseGraphQLMultipart(
  headers: IncomingHttpHeaders,
  body: Readable,
  limits: MultipartLimits,
): Promise<ParsedMultipart> {
  return new Promise((resolve, reject) => {
    const parser = busboy({
      headers,
      // Clients send file names as raw UTF-8 (relevé.pdf); busboy's default reads them as latin1.
      defParamCharset: 'utf8',
      limits: {
        // One byte more than allowed: spoolUpload counts and refuses; busboy only bounds the draining.
        fileSize: limits.maxFileBytes + 1,
        files: limits.maxFiles,
        fieldSize: limits.maxFieldBytes,
        fields: 2,
      },
    });
    const pending = new Map<string, Deferred>();
    const spooled: Promise<SpooledUpload>[] = [];
    let operations: unknown;
    let settled = false;
    const fail = (error: Error) => {
      for (const deferred of pending.values()) deferred.reject(error);
      pending.clear();
      if (!settled) reject(error);
      settled = true;
      body.unpipe(parser);
      body.resume();
    };
    const release = () => {
      for (const file of spooled)
        void file.then(
          (f) => f.dispose(),
          () => undefined,
        );
      for (const deferred of pending.values()) deferred.reject(badRequest('The file part never arrived.'));
      pending.clear();
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(badRequest(`The multipart field "${name}" is too large.`));
      try {
        if (name === 'operations') operations = JSON.parse(value);
        else if (name === 'map') {
          if (operations === undefined)
            return fail(badRequest('The "operations" part must come before "map".'));
          const map = mapShape.parse(JSON.parse(value));
          for (const [key, paths] of Object.entries(map)) {
            const deferred = new Deferred();
            pending.set(key, deferred);
            for (const path of paths) placeUpload(operations, path, new FileUpload(deferred.promise));
          }
          settled = true;
          resolve({ body: operations, release });
        }
      } catch (error) {
        fail(
          error instanceof BadUserInputError
            ? error
            : badRequest(`The multipart field "${name}" is not valid JSON of the expected shape.`),
        );
      }
    });
    parser.on('file', (name, stream, info) => {
      const deferred = pending.get(name);
      if (!settled || !deferred) return void stream.resume();
      pending.delete(name);
      const file = spoolUpload(stream, info.filename ?? '', limits.maxFileBytes);
      spooled.push(file);
      file.then(deferred.resolve, deferred.reject);
    });
    parser.on('filesLimit', () => fail(badRequest(`At most ${limits.maxFiles} files per request.`)));
    parser.on('error', (error: Error) => fail(badRequest(`Malformed multipart body (${error.message}).`)));
    parser.on('close', () => {
      if (!settled) fail(badRequest('A multipart request needs "operations" and "map" parts.'));
      for (const deferred of pending.values()) deferred.reject(badRequest('The file part never arrived.'));
      pending.clear();
    });
    body.pipe(parser);
  });
}

/** Sets `operations.<path>` (e.g. `variables.input.file`, `0.variables.files.1`) to the upload. */
function placeUpload(operations: unknown, path: string, upload: FileUpload): void {
  const keys = path.split('.');
  const last = keys.pop();
  let target: unknown = operations;
  for (const key of keys)
    target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
  if (!last || !target || typeof target !== 'object' || (target as Record<string, unknown>)[last] !== null) {
    throw badRequest(`The map path "${path}" does not name a null variable of operations.`);
  }
  (target as Record<string, unknown>)[last] = upload;
}
