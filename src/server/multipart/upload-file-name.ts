/**
 * Upload file names as the provider receives them. Threat: a name is client text that providers
 * and accountants' tools may use as a path (`../../etc/passwd`, `C:\x\y.pdf`), display (control
 * characters, bidi overrides) or store (unbounded length). Only the last path segment is kept,
 * control and bidi characters and `..` are removed, and the name is capped at MAX_FILE_NAME_LENGTH
 * characters keeping its extension; a name without an extension gets the detected type's one.
 */

export const MAX_FILE_NAME_LENGTH = 120;
const MAX_EXTENSION_LENGTH = 10;

// C0/C1 controls, DEL, bidi overrides and isolates, zero-width characters and the BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The safe name, or null when nothing of the name survives (the upload is then refused). */
export function sanitizeFileName(raw: string, detectedExtension: string): string | null {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\.{2,}/g, '.')
    .replace(/[:*?"<>|]/g, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!cleaned) return null;
  const dot = cleaned.lastIndexOf('.');
  const hasExtension = dot > 0 && cleaned.length - dot - 1 <= MAX_EXTENSION_LENGTH;
  const stem = hasExtension ? cleaned.slice(0, dot) : cleaned;
  const extension = hasExtension ? cleaned.slice(dot + 1) : detectedExtension;
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1;
  return `${[...stem].slice(0, room).join('').trimEnd()}.${extension}`;
}
