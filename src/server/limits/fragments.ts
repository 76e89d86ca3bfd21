/**
 * The fragment definitions of a parsed document, by name. Cached per document: Apollo keeps parsed
 * documents across requests, so the map is built once per distinct query.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

const cache = new WeakMap<DocumentNode, Fragments>();

export function fragmentsOf(document: DocumentNode): Fragments {
  let fragments = cache.get(document);
  if (!fragments) {
    fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    cache.set(document, fragments);
  }
  return fragments;
}
