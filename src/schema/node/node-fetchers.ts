/**
 * How each node type is fetched by global id. Each domain registers its own fetcher beside its
 * service (`registerNodeFetcher('Entry', …)`); the node loader asks the registry, and the schema
 * build fails when a node type has none.
 */
import type { RequestContext } from '../../context';
import { NODE_TYPES, type GlobalId, type NodeType } from '../../domain/ids';
import type { ProviderSession } from '../../providers/types';

/** The object `id` names, or null when the provider has none; the session is the company's. */
export type NodeFetcher = (
  ctx: RequestContext,
  session: ProviderSession,
  id: GlobalId,
) => Promise<object | null>;

const fetchers = new Map<NodeType, NodeFetcher>();

export function registerNodeFetcher(type: NodeType, fetcher: NodeFetcher): void {
  if (fetchers.has(type)) throw new Error(`a node fetcher for ${type} is already registered`);
  fetchers.set(type, fetcher);
}

export function nodeFetcher(type: NodeType): NodeFetcher {
  const fetcher = fetchers.get(type);
  if (!fetcher) throw new Error(`no node fetcher registered for ${type}`);
  return fetcher;
}

/** Throws, naming them, when node types have no fetcher (run once the resolvers are loaded). */
export function assertEveryNodeTypeFetchable(): void {
  const missing = NODE_TYPES.filter((type) => !fetchers.has(type));
  if (missing.length > 0) throw new Error(`no node fetcher registered for ${missing.join(', ')}`);
}
