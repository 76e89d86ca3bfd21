/** Resolves global ids to nodes for `node`, `nodes`, `company` and `exportJob`. */
import type { GraphQLResolveInfo } from 'graphql';
import { decodeGlobalId, decodeGlobalIdOf, type NodeType } from '../../domain/ids';
import { NotFoundError } from '../../errors';
import type { RequestContext } from '../../context';
import { tagNode } from '../../domain/tagged-node';
import type { TaggedNode } from '../common/node.type';
import type { CompanyRef } from '../fields/list-field';
import { readAheadStandsForLookup, readAhead } from './read-ahead';

/** The node, or null when absent or not visible to the tenant (the two are indistinguishable). */
export async function findNode(
  ctx: RequestContext,
  id: string,
  field = 'id',
  info?: GraphQLResolveInfo,
): Promise<TaggedNode | null> {
  const globalId = decodeGlobalId(id, field);
  const started = info ? readAhead(ctx, globalId, info) : [];
  try {
    if (info && (await readAheadStandsForLookup(ctx, globalId, info, started)))
      return tagNode<CompanyRef>({ provider: globalId.provider, providerId: globalId.nativeId }, 'Company');
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
  info?: GraphQLResolveInfo,
): Promise<TaggedNode<T> | null> {
  decodeGlobalIdOf(id, types, field);
  return (await findNode(ctx, id, field, info)) as TaggedNode<T> | null;
}
