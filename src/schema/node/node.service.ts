/** Resolves global ids to nodes for `node`, `nodes`, `company` and `exportJob`. */
import { decodeGlobalId, decodeGlobalIdOf, type NodeType } from '../../domain/ids';
import { NotFoundError } from '../../errors';
import type { RequestContext } from '../../context';
import type { TaggedNode } from '../common/node.type';

/** The node, or null when absent or not visible to the tenant (the two are indistinguishable). */
export async function findNode(ctx: RequestContext, id: string, field = 'id'): Promise<TaggedNode | null> {
  const globalId = decodeGlobalId(id, field);
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
