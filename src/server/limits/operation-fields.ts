/**
 * Every field an operation selects, with its definition and response path, fragments expanded. Each
 * fragment is walked once (at its first spread): a fragment bomb stays linear in the document's size.
 */
import {
  getNamedType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf } from './fragments';

export interface OperationField {
  node: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  parent: GraphQLCompositeType;
  /** Response keys from the root; list indices are unknown before execution. */
  path: string[];
}

export function operationFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationField[] {
  const fragments = fragmentsOf(document);
  const walked = new Set<string>();
  const fields: OperationField[] = [];
  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType) => {
    const type = name === undefined ? fallback : schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };
  const walk = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, path: string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Unions have no fields and __typename takes no argument: nothing to check there.
        const definition = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
        if (!definition) continue;
        const fieldPath = [...path, (selection.alias ?? selection.name).value];
        fields.push({ node: selection, definition, parent: type, path: fieldPath });
        const named = getNamedType(definition.type);
        if (selection.selectionSet && isCompositeType(named)) walk(selection.selectionSet, named, fieldPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = typeNamed(selection.typeCondition?.name.value, type);
        if (inner) walk(selection.selectionSet, inner, path);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || walked.has(fragment.name.value)) continue;
        walked.add(fragment.name.value);
        const inner = typeNamed(fragment.typeCondition.name.value, type);
        if (inner) walk(fragment.selectionSet, inner, path);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, []);
  return fields;
}
