/**
 * Runs the nested fields' argument rules (src/schema/common/argument-checks.ts) on the whole
 * operation before execution, fragments included. Threat: a malformed argument under `company(id)`
 * or `node(id)` would otherwise cost the parent's upstream lookup before its resolver refuses it; here
 * it is answered with HTTP 400, the resolver's own error and its path, and nothing is called.
 */
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { isGrandLivreError } from '../../errors';
import { NESTED_ARGUMENT_CHECKS } from '../../schema/common/argument-checks';
import { fragmentsOf } from './fragments';
import { operationCheckPlugin } from './limit-plugin';

export function useArgumentChecks() {
  return operationCheckPlugin(({ schema, operation, document, request }) => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    // Variables of the wrong type: execution answers graphql's own coercion errors.
    if (coerced.errors) return;
    const variables = coerced.coerced;
    const typeInfo = new TypeInfo(schema);
    const check = (
      node: FieldNode,
      ancestors: readonly (ASTNode | readonly ASTNode[])[],
      inOperation: boolean,
    ) => {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      const rule = parent && field && NESTED_ARGUMENT_CHECKS[`${parent.name}.${field.name}`];
      if (!rule || !field) return;
      try {
        rule(getArgumentValues(field, node, variables));
      } catch (error) {
        if (!isGrandLivreError(error)) throw error;
        const path = inOperation ? [...responseKeys(ancestors), (node.alias ?? node.name).value] : undefined;
        throw new GraphQLError(error.message, {
          nodes: [node],
          ...(path ? { path } : {}),
          originalError: error,
          extensions: { ...error.extensions, http: { status: 400 } },
        });
      }
    };
    for (const definition of [operation, ...fragmentsUsedBy(operation, document)]) {
      const inOperation = definition === operation;
      visit(
        definition,
        visitWithTypeInfo(typeInfo, {
          Field: (node, _key, _parent, _path, ancestors) => check(node, ancestors, inOperation),
        }),
      );
    }
  });
}

/** The response keys of the fields enclosing a node (list indices are not known before execution). */
function responseKeys(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string[] {
  return ancestors
    .filter((a): a is FieldNode => !Array.isArray(a) && (a as ASTNode).kind === Kind.FIELD)
    .map((f) => (f.alias ?? f.name).value);
}

/** Fragments the operation reaches, each once (a fragment bomb stays linear). */
function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  document: DocumentNode,
): FragmentDefinitionNode[] {
  const fragments = fragmentsOf(document);
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: ASTNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop() as ASTNode, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}
