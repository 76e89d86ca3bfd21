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

/** The global id of a model record (anything with provider, companyId and its own providerId). */
export const recordGlobalId = (
  type: NodeType,
  record: { provider: ProviderName; companyId: string; providerId: string },
) =>
  encodeGlobalId({
    type,
    provider: record.provider,
    companyId: record.companyId,
    nativeId: record.providerId,
  });
