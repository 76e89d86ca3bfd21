/** The Relay `Node` interface: every object with a global id can be fetched back with `node(id)`. */
import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeType } from '../../domain/ids';

/** Symbol under which node lookups record which GraphQL type a plain record is. */
export const NODE_TYPE = Symbol('grand-livre.node-type');

export type TaggedNode<T extends object = object> = T & { [NODE_TYPE]: NodeType };

export function tagNode<T extends object>(record: T, type: NodeType): TaggedNode<T> {
  return Object.assign(Object.create(null) as object, record, { [NODE_TYPE]: type }) as TaggedNode<T>;
}

@InterfaceType('Node', {
  description: 'An object with a global id, which `node(id)` and `nodes(ids)` fetch back.',
  resolveType: (value: Partial<TaggedNode>) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id!: string;
}
