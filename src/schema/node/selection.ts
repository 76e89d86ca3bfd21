/** Reads ahead in a resolver's selection set: which fields the caller asked of a given type. */
import { isAbstractType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * True when the selection under the resolved field asks `field` on `typeName` (directly, through an
 * inline fragment on that type or an interface, or through a named fragment). Directives are ignored:
 * a read-ahead that turns out unneeded costs one call, never a wrong answer.
 */
export function selectsField(info: GraphQLResolveInfo, typeName: string, field: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value;
        return (!on || on === typeName || isAbstract(info, on)) && search(selection.selectionSet);
      }
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = info.fragments[name];
      const on = fragment?.typeCondition.name.value;
      return !!fragment && (on === typeName || isAbstract(info, on!)) && search(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}

function isAbstract(info: GraphQLResolveInfo, typeName: string): boolean {
  const type = info.schema.getType(typeName);
  return !!type && isAbstractType(type);
}
