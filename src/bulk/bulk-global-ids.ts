/**
 * Global ids of one export's rows (two per movement, a million for a big exercise): one encoder per
 * node type (domain/ids.ts's globalIdEncoder, the same strings as encodeGlobalId), rebuilt only when
 * the provider or company changes — an export's rows all share them. Each export owns its own.
 */
import { globalIdEncoder, type NodeType } from '../domain/ids';
import type { ProviderName } from '../domain/model';

interface Encoder {
  provider: ProviderName;
  companyId: string;
  encode: (nativeId: string) => string;
}

export type BulkGlobalIds = (
  type: NodeType,
  provider: ProviderName,
  companyId: string,
  nativeId: string,
) => string;

/** A new export's id encoders. */
export function bulkGlobalIds(): BulkGlobalIds {
  const encoders = new Map<NodeType, Encoder>();
  return (type, provider, companyId, nativeId) => {
    let encoder = encoders.get(type);
    if (encoder?.provider !== provider || encoder.companyId !== companyId) {
      encoder = { provider, companyId, encode: globalIdEncoder(type, provider, companyId) };
      encoders.set(type, encoder);
    }
    return encoder.encode(nativeId);
  };
}
