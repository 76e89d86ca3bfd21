/** Reads ahead in a resolver's selection set: which fields the caller asked of a given type. */
import {
  isAbstractType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * The nodes of `field` on `typeName` in the selection under the resolved field (asked directly,
 * through an inline fragment on that type or an interface, or through a named fragment), aliases
 * included. Directives are ignored: a read-ahead that turns out unneeded costs one call, never a
 * wrong answer.
 */
export function selectedFieldNodes(info: GraphQLResolveInfo, typeName: string, field: string): FieldNode[] {
  return fieldsOn(info, typeName).filter((node) => node.name.value === field);
}

/** The names of every field asked of `typeName` under the resolved field (as selectedFieldNodes, directives ignored). */
export function selectedFieldNames(info: GraphQLResolveInfo, typeName: string): Set<string> {
  return new Set(fieldsOn(info, typeName).map((node) => node.name.value));
}

function fieldsOn(info: GraphQLResolveInfo, typeName: string): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value;
        if (!on || on === typeName || isAbstract(info, on)) search(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        const on = fragment?.typeCondition.name.value;
        if (fragment && (on === typeName || isAbstract(info, on!))) search(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) search(node.selectionSet);
  return found;
}

function isAbstract(info: GraphQLResolveInfo, typeName: string): boolean {
  const type = info.schema.getType(typeName);
  return !!type && isAbstractType(type);
}
