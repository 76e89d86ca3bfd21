/** A plain record tagged with the GraphQL type it is, so the `Node` interface can resolve it. */
import type { NodeType } from './ids';

/** Symbol under which node lookups record which GraphQL type a plain record is. */
export const NODE_TYPE = Symbol('grand-livre.node-type');

export type TaggedNode<T extends object = object> = T & { [NODE_TYPE]: NodeType };

export function tagNode<T extends object>(record: T, type: NodeType): TaggedNode<T> {
  return Object.assign(Object.create(null) as object, record, { [NODE_TYPE]: type });
}
