/** Resolves global ids to nodes for `node`, `nodes`, `company` and `exportJob`. */
import type { GraphQLResolveInfo } from 'graphql';
import { decodeGlobalId, decodeGlobalIdOf, type GlobalId, type NodeType } from '../../domain/ids';
import { NotFoundError } from '../../errors';
import type { RequestContext } from '../../context';
import type { TaggedNode } from '../common/node.type';
import { selectsField } from './selection';

/** The node, or null when absent or not visible to the tenant (the two are indistinguishable). */
export async function findNode(
  ctx: RequestContext,
  id: string,
  field = 'id',
  info?: GraphQLResolveInfo,
): Promise<TaggedNode | null> {
  const globalId = decodeGlobalId(id, field);
  if (info) readAhead(ctx, globalId, info);
  try {
    return await ctx.nodes.load(globalId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Like findNode, but the id must be of one of `types` (BAD_USER_INPUT otherwise). */
export async function findNodeOf<T extends object>(
  ctx: RequestContext,
  id: string,
  types: readonly NodeType[],
  field = 'id',
): Promise<TaggedNode<T> | null> {
  decodeGlobalIdOf(id, types, field);
  return (await findNode(ctx, id, field)) as TaggedNode<T> | null;
}

/**
 * Starts, beside the node's own lookup, the calls its selected fields will make that need only the id:
 * a document's download URL would otherwise wait a full upstream round trip for the document. The
 * field resolver later gets the same call from the session's DataLoader. Only for companies the
 * tenant may see; a failure here is the field's to report, so it is swallowed.
 */
function readAhead(ctx: RequestContext, id: GlobalId, info: GraphQLResolveInfo): void {
  if (id.type !== 'Document' || !selectsField(info, 'Document', 'downloadUrl')) return;
  try {
    const session = ctx.companySession(id.provider, id.companyId);
    session.getDocumentDownloadUrl?.(id.companyId, id.nativeId).catch(() => undefined);
  } catch {
    // Not visible to this tenant: the lookup answers null, and nothing is read ahead.
  }
}
