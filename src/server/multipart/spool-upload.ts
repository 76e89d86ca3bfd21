/**
 * Receives one file part into an anonymous temporary file, checking its size and its first bytes
 * as they arrive. Threat: a streamed upload would already be on its way to the provider when the
 * part turns out too large or of a forbidden type; spooling first means a refused upload sends
 * nothing upstream. The file is unlinked as soon as it is created (only its descriptor remains), so
 * nothing is left on disk, even if the process dies.
 */
import { createHash, randomUUID } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ALLOWED_UPLOAD_TYPES, SNIFF_BYTES, sniffUploadType, type UploadType } from './upload-content-type';

/** Why a file part was refused; FileUpload turns it into a GraphQL error naming the variable. */
export class UploadRefusal extends Error {
  constructor(
    readonly reason: 'size' | 'type' | 'broken',
    message: string,
    /** The limit broken, for `reason: 'size'`. */
    readonly maxBytes?: number,
  ) {
    super(message);
  }
}

export interface SpooledUpload {
  /** The name the client gave (not yet sanitised). */
  declaredName: string;
  /** The type recognised from the bytes (the declared mimetype is ignored). */
  type: UploadType;
  size: number;
  /** SHA-256 (hex) of the bytes, computed while spooling: idempotency binds a key to them. */
  sha256: string;
  /** The bytes, from the start; once. */
  open(): Readable;
  /** Frees the temporary file unless open() handed it to a reader (which closes it when done). */
  dispose(): void;
}

export function spoolUpload(part: Readable, declaredName: string, maxBytes: number): Promise<SpooledUpload> {
  const path = join(tmpdir(), `grand-livre-upload-${randomUUID()}`);
  // Unlinked at once: only the descriptor keeps the bytes.
  const opening = open(path, 'wx+', 0o600).then(async (file) => {
    await unlink(path);
    return file;
  });
  return new Promise((resolve, reject) => {
    let size = 0;
    const digest = createHash('sha256');
    let head = Buffer.alloc(0);
    let type: UploadType | null = null;
    let done = false;
    let handle: FileHandle | undefined;
    // Chunks are written in order; 'end' may come before the last write settles.
    let lastWrite: Promise<unknown> = opening.then((file) => (handle = file));
    const refuse = (refusal: Error) => {
      if (done) return;
      done = true;
      void opening.then((file) => file.close()).catch(() => undefined);
      reject(refusal);
      // Drain the rest so the multipart parser reaches the next part (busboy bounds it by maxBytes).
      part.resume();
    };
    lastWrite.catch((error: Error) => refuse(error));
    const checkType = (complete: boolean) => {
      if (type || (!complete && head.length < SNIFF_BYTES)) return;
      type = sniffUploadType(head);
      if (!type)
        refuse(
          new UploadRefusal(
            'type',
            `The file is not one of ${ALLOWED_UPLOAD_TYPES.join(', ')} (checked on its bytes).`,
          ),
        );
    };
    part.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) return refuseSize();
      if (!type && head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]);
      checkType(false);
      if (done) return;
      digest.update(chunk);
      part.pause();
      lastWrite = lastWrite
        .then(() => handle?.write(chunk))
        .then(
          () => done || part.resume(),
          (error: Error) => refuse(error),
        );
    });
    const refuseSize = () =>
      refuse(
        new UploadRefusal('size', `The file exceeds ${maxBytes} bytes (limits.maxUploadBytes).`, maxBytes),
      );
    part.on('limit', refuseSize);
    part.on('error', () => refuse(new UploadRefusal('broken', 'The file part ended before its boundary.')));
    part.on('end', () => void lastWrite.then(finish, () => undefined));
    function finish() {
      checkType(true);
      if (done || !type || !handle) return;
      const file = handle;
      done = true;
      let opened = false;
      resolve({
        declaredName,
        type,
        size,
        sha256: digest.digest('hex'),
        open() {
          opened = true;
          return file.createReadStream({ start: 0 });
        },
        dispose() {
          if (!opened) void file.close().catch(() => undefined);
        },
      });
    }
  });
}
