/**
 * What the `Upload` scalar resolves to: a handle on one file part of a multipart request, which may
 * still be arriving when the resolver runs (the request is streamed, not buffered).
 */
import type { Readable } from 'node:stream';
import type { UploadPayload } from '../../providers/types';
import { BadUserInputError } from '../../errors';

export interface ReceivedFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

export class FileUpload {
  private consumed = false;

  constructor(private readonly file: Promise<ReceivedFile>) {
    // The rejection is observed by toPayload(); without this an unused upload would crash the process.
    file.catch(() => undefined);
  }

  /**
   * Waits for the file part and returns it as the provider contract's payload. Its stream can be
   * read once; `size` is null because a streamed part has no length up front.
   */
  async toPayload(field = 'file'): Promise<UploadPayload> {
    const file = await this.file;
    if (!file.fileName) throw new BadUserInputError('The uploaded file has no name.', field);
    return {
      fileName: file.fileName,
      contentType: file.contentType || 'application/octet-stream',
      size: null,
      stream: () => {
        if (this.consumed) throw new Error('upload stream already consumed');
        this.consumed = true;
        return file.stream;
      },
    };
  }
}
