/**
 * What the `Upload` scalar resolves to: a handle on one file part of a multipart request, which may
 * still be arriving when the resolver runs. The part is spooled and checked (size, type on the bytes)
 * before toPayload() returns, so nothing reaches a provider until the whole file has passed.
 */
import type { UploadPayload } from '../../providers/types';
import { BadUserInputError, LimitExceededError } from '../../errors';
import { UploadRefusal, type SpooledUpload } from './spool-upload';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './upload-file-name';

export class FileUpload {
  private consumed = false;

  constructor(private readonly file: Promise<SpooledUpload>) {
    // The rejection is observed by toPayload(); without this an unused upload would crash the process.
    file.catch(() => undefined);
  }

  /**
   * Waits for the whole file part and returns it as the provider contract's payload, with a
   * sanitised name and the content type found in its bytes. Its stream can be read once.
   */
  async toPayload(field = 'file'): Promise<UploadPayload> {
    const file = await this.file.catch((error: unknown) => {
      throw refusalError(error, field);
    });
    const fileName = sanitizeFileName(file.declaredName, file.type.extension);
    if (!fileName)
      throw new BadUserInputError(
        `The uploaded file needs a name (at most ${MAX_FILE_NAME_LENGTH} characters are kept).`,
        field,
        400,
      );
    return {
      fileName,
      contentType: file.type.contentType,
      size: file.size,
      sha256: file.sha256,
      stream: () => {
        if (this.consumed) throw new Error('upload stream already consumed');
        this.consumed = true;
        return file.open();
      },
    };
  }
}

/** A refused part as the GraphQL error answered for it: 413 too large, 415 wrong type, else 400. */
function refusalError(error: unknown, field: string): unknown {
  // A multipart body broken before this part arrived: refused as a whole, naming the variable.
  if (error instanceof BadUserInputError && !error.field)
    return new BadUserInputError(error.message, field, 400);
  if (!(error instanceof UploadRefusal)) return error;
  if (error.reason === 'size')
    return new LimitExceededError('maxUploadBytes', error.maxBytes ?? 0, error.message, {
      httpStatus: 413,
      field,
    });
  return new BadUserInputError(error.message, field, error.reason === 'type' ? 415 : 400);
}
