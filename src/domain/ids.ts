/**
 * Global ids: opaque base64url strings carrying the node type, the provider, the native company id
 * and the native id (`Entry` of MYUNISOFT company 123, entry 456). They are not secret: every id is
 * checked against the caller's company allowlist before use, so forging one gains nothing.
 */
import { z } from 'zod';
import { BadUserInputError } from '../errors';
import { PROVIDERS, type ProviderName } from './model';

export const NODE_TYPES = [
  'Company',
  'Exercise',
  'Entry',
  'Movement',
  'Document',
  'ExportJob',
  'BulkExport',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  provider: ProviderName;
  companyId: string;
  /** Native id of the object; for a Company, its own id. */
  nativeId: string;
}

const VERSION = 'g1';
const encodedShape = z.tuple([
  z.literal(VERSION),
  z.enum(NODE_TYPES),
  z.enum(PROVIDERS as [ProviderName, ...ProviderName[]]),
  z.string().min(1).max(256),
  z.string().min(1).max(256),
]);

export function encodeGlobalId(id: GlobalId): string {
  const tuple = [VERSION, id.type, id.provider, id.companyId, id.nativeId];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

/** Bytes an id's tail is written into before its base64url (one thread: never held across calls). */
const encoderScratch = Buffer.allocUnsafeSlow(4096);

/**
 * encodeGlobalId for the ids of one type, provider and company (a bulk file's rows): the same strings,
 * with the JSON and base64url of the common prefix made once (base64 maps each 3 bytes on their own).
 */
export function globalIdEncoder(
  type: NodeType,
  provider: ProviderName,
  companyId: string,
): (nativeId: string) => string {
  const prefix = Buffer.from(`${JSON.stringify([VERSION, type, provider, companyId]).slice(0, -1)},`, 'utf8');
  const whole = prefix.length - (prefix.length % 3);
  const head = prefix.toString('base64url', 0, whole);
  const rest = prefix.subarray(whole);
  return (nativeId) => {
    const tail = `${JSON.stringify(nativeId)}]`;
    // A UTF-8 byte is at most 3 per UTF-16 unit: a tail that may not fit takes the plain way.
    if (rest.length + tail.length * 3 > encoderScratch.length)
      return encodeGlobalId({ type, provider, companyId, nativeId });
    rest.copy(encoderScratch, 0);
    const end = rest.length + encoderScratch.write(tail, rest.length, 'utf8');
    return head + encoderScratch.toString('base64url', 0, end);
  };
}

export const companyGlobalId = (provider: ProviderName, companyId: string) =>
  encodeGlobalId({ type: 'Company', provider, companyId, nativeId: companyId });

/** Decodes any global id; malformed → BAD_USER_INPUT naming `field`. */
export function decodeGlobalId(value: string, field: string): GlobalId {
  let raw: unknown;
  try {
    if (value.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(value)) throw new Error('not base64url');
    raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new BadUserInputError(`${field} is not a valid id.`, field);
  }
  const parsed = encodedShape.safeParse(raw);
  if (!parsed.success) throw new BadUserInputError(`${field} is not a valid id.`, field);
  const [, type, provider, companyId, nativeId] = parsed.data;
  return { type, provider, companyId, nativeId };
}

/** Decodes a global id that must be of one of `types` (e.g. `companyId` must name a Company). */
export function decodeGlobalIdOf<T extends NodeType>(
  value: string,
  types: readonly T[],
  field: string,
): GlobalId & { type: T } {
  const id = decodeGlobalId(value, field);
  if (!(types as readonly NodeType[]).includes(id.type)) {
    throw new BadUserInputError(`${field} must be the id of a ${types.join(' or ')}.`, field);
  }
  return id as GlobalId & { type: T };
}

/** The last encoder made per node type: the rows of a page or a bulk file share provider and company. */
const encoders = new Map<
  NodeType,
  { provider: ProviderName; companyId: string; encode: (nativeId: string) => string }
>();

/** encodeGlobalId through the type's encoder, kept while the provider and company stay the same. */
export function globalIdOf(
  type: NodeType,
  provider: ProviderName,
  companyId: string,
  nativeId: string,
): string {
  let encoder = encoders.get(type);
  if (encoder?.provider !== provider || encoder.companyId !== companyId) {
    encoder = { provider, companyId, encode: globalIdEncoder(type, provider, companyId) };
    encoders.set(type, encoder);
  }
  return encoder.encode(nativeId);
}

/** The global id of a model record (anything with provider, companyId and its own providerId). */
export const recordGlobalId = (
  type: NodeType,
  record: { provider: ProviderName; companyId: string; providerId: string },
) => globalIdOf(type, record.provider, record.companyId, record.providerId);
