import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../errors';
import { Node } from '../common/node.type';
import { MAX_NODE_IDS } from './node-ids';
import { findNode } from './node.service';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when absent or not visible.',
  })
  node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'A global id.' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findNode(ctx, id, 'id', info);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Several objects by global id, in order; null for each one absent or not visible.',
  })
  nodes(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID], { description: 'Global ids (at most 100).' }) ids: string[],
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > MAX_NODE_IDS)
      throw new BadUserInputError(`ids: at most ${MAX_NODE_IDS} per request.`, 'ids');
    // Each item resolves on its own, so one bad id yields one null and one error, not a failed list.
    return ids.map((id, i) => findNode(ctx, id, `ids.${i}`, info));
  }
}
