/**
 * Aliases an operation asks for, counted wherever they land: a fragment with 10 aliases spread in 3
 * places counts 30, since each place resolves them again. Threat: alias bombs — one expensive field
 * asked hundreds of times under different names in a single request.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { memoByFragment, type Fragments } from './fragments';

export function queryAliases(operation: OperationDefinitionNode, fragments: Fragments): number {
  const fragmentAliases = memoByFragment((fragment) => aliasesIn(fragment.selectionSet), fragments);
  function aliasesIn(set: SelectionSetNode | undefined): number {
    let count = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD)
        count += (selection.alias ? 1 : 0) + aliasesIn(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += aliasesIn(selection.selectionSet);
      else count += fragmentAliases(selection.name.value);
    }
    return count;
  }
  return aliasesIn(operation.selectionSet);
}
