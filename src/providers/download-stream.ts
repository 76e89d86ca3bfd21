/** A provider's file response as a DownloadStream: type, name and length from its headers, body streamed. */
import type { Readable } from 'node:stream';
import type { DownloadStream } from './types';

const FILE_NAME = /filename="?([^";]+)"?/i;

export function downloadStreamOf(
  headers: Record<string, string | string[] | undefined>,
  body: Readable,
  fallbackName: string,
): DownloadStream {
  const header = (name: string) => String(headers[name] ?? '');
  const length = Number(header('content-length'));
  return {
    contentType: header('content-type') || 'application/octet-stream',
    fileName: FILE_NAME.exec(header('content-disposition'))?.[1] ?? fallbackName,
    contentLength: Number.isFinite(length) && length > 0 ? length : null,
    body,
  };
}
