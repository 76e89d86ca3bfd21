/** The Relay `Node` interface: every object with a global id can be fetched back with `node(id)`. */
import { Field, ID, InterfaceType } from 'type-graphql';
import { NODE_TYPE, type TaggedNode } from '../../domain/tagged-node';

export { NODE_TYPE, tagNode, type TaggedNode } from '../../domain/tagged-node';

/** The GraphQL type a node record is (synchronous: see build-schema.ts). */
export const resolveNodeType = (value: Partial<TaggedNode>) => value[NODE_TYPE];

@InterfaceType('Node', {
  description: 'An object with a global id, which `node(id)` and `nodes(ids)` fetch back.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id!: string;
}
