/**
 * Depth of an operation: root fields are at depth 1, their sub-fields at 2, and so on through inline
 * fragments and fragment spreads. Introspection fields (`__schema`, `__type`, `__typename`) do not
 * count: they read the in-memory schema, and introspection has its own switch.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { memoByFragment, type Fragments } from './fragments';

export function queryDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
  const fragmentDepth = memoByFragment((fragment) => depthOf(fragment.selectionSet), fragments);
  function depthOf(set: SelectionSetNode | undefined): number {
    let max = 0;
    for (const selection of set?.selections ?? []) {
      let depth: number;
      if (selection.kind === Kind.FIELD)
        depth = selection.name.value.startsWith('__') ? 0 : 1 + depthOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) depth = depthOf(selection.selectionSet);
      else depth = fragmentDepth(selection.name.value);
      if (depth > max) max = depth;
    }
    return max;
  }
  return depthOf(operation.selectionSet);
}
