/**
 * Per-request lookups of single objects by global id. Keys are canonical global ids, so the same
 * object named three times (aliases, nested fields) costs one session call; the sessions' own
 * DataLoaders then batch the distinct ids into as few upstream calls as the provider allows.
 */
import DataLoader from 'dataloader';
import { encodeGlobalId, type GlobalId } from '../../domain/ids';
import type { NodeLoader, RequestContext } from '../../context';
import { tagNode, type TaggedNode } from '../../domain/tagged-node';
import { nodeFetcher } from './node-fetchers';

export function createNodeLoader(ctx: RequestContext): NodeLoader {
  return new DataLoader<GlobalId, TaggedNode | null, string>(
    async (ids) => {
      const settled = await Promise.allSettled(ids.map((id) => fetchNode(ctx, id)));
      return settled.map((result) => (result.status === 'fulfilled' ? result.value : toError(result.reason)));
    },
    { cacheKeyFn: encodeGlobalId, maxBatchSize: 100 },
  );
}

const toError = (reason: unknown) => (reason instanceof Error ? reason : new Error(String(reason)));

/** Fetches one object; null when it does not exist or is not the company the id claims. */
async function fetchNode(ctx: RequestContext, id: GlobalId): Promise<TaggedNode | null> {
  const session = ctx.companySession(id.provider, id.companyId);
  const record = await nodeFetcher(id.type)(ctx, session, id);
  if (!record) return null;
  // A record of another company than the id claims is treated as absent: the allowlist was checked on the id.
  if ('companyId' in record && record.companyId !== id.companyId) return null;
  return tagNode(record, id.type);
}
