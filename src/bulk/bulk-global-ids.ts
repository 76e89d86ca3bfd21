/**
 * Global ids of a bulk file's rows (two per movement, a million for a big exercise): one encoder per
 * node type (domain/ids.ts's globalIdEncoder, the same strings as encodeGlobalId), kept while the
 * provider and company stay the same — an export's rows all share them.
 */
import { globalIdEncoder, type NodeType } from '../domain/ids';
import type { ProviderName } from '../domain/model';

interface Encoder {
  provider: ProviderName;
  companyId: string;
  encode: (nativeId: string) => string;
}

const encoders = new Map<NodeType, Encoder>();

export function bulkGlobalId(
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
