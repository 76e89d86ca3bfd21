/**
 * The content types an upload may have, recognised from its first bytes. Threat: a declared mimetype
 * is whatever the client wrote; an executable, HTML or archive labelled `application/pdf` would reach
 * the provider (and the accountants who open it). Only the magic numbers below are accepted.
 */

export interface UploadType {
  contentType: string;
  /** Extension given to a file name that has none. */
  extension: string;
}

const SIGNATURES: readonly { magic: Buffer; type: UploadType }[] = [
  { magic: Buffer.from('%PDF-', 'latin1'), type: { contentType: 'application/pdf', extension: 'pdf' } },
  {
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    type: { contentType: 'image/png', extension: 'png' },
  },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), type: { contentType: 'image/jpeg', extension: 'jpg' } },
  { magic: Buffer.from('II*\0', 'latin1'), type: { contentType: 'image/tiff', extension: 'tif' } },
  { magic: Buffer.from('MM\0*', 'latin1'), type: { contentType: 'image/tiff', extension: 'tif' } },
];

/** Bytes needed to recognise any allowed type (the longest signature). */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/** The allowed type whose signature starts `head`, or null (unknown or too short). */
export function sniffUploadType(head: Buffer): UploadType | null {
  const match = SIGNATURES.find(
    (s) => head.length >= s.magic.length && head.subarray(0, s.magic.length).equals(s.magic),
  );
  return match?.type ?? null;
}

/** What the refusal message lists. */
export const ALLOWED_UPLOAD_TYPES = [...new Set(SIGNATURES.map((s) => s.type.contentType))];
