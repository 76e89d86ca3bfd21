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

/**
 * Memoises a per-fragment measure. Threat: fragments spreading other fragments several times grow a
 * query exponentially when expanded; measuring each fragment once keeps every limit check linear in
 * the document's size. A cycle (refused by validation anyway) measures 0 instead of recursing forever.
 */
export function memoByFragment(measure: (fragment: FragmentDefinitionNode) => number, fragments: Fragments) {
  const memo = new Map<string, number>();
  return (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    memo.set(name, 0);
    const value = measure(fragment);
    memo.set(name, value);
    return value;
  };
}
