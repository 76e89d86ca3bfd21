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
import { decodeGlobalId } from '../../domain/ids';
import type { ProviderName } from '../../domain/model';
import { isGrandLivreError } from '../../errors';
import { checkNestedArguments, hasArgumentCheck } from '../../schema/common/argument-checks';
import { fragmentsOf } from './fragments';
import { operationCheckPlugin } from './limit-plugin';

export function useArgumentChecks() {
  return operationCheckPlugin(({ schema, operation, document, request, contextValue }) => {
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
      if (!parent || !field || !hasArgumentCheck(parent.name, field.name)) return;
      try {
        const args = getArgumentValues(field, node, variables);
        const provider = providerNamedAbove(ancestors, variables);
        checkNestedArguments(contextValue, parent.name, field.name, args, provider);
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

/**
 * The provider of the nearest enclosing field called with a global `id` (`company(id)`, `node(id)`):
 * the company's provider when the operation names it, so capability can come before arguments.
 */
function providerNamedAbove(
  ancestors: readonly (ASTNode | readonly ASTNode[])[],
  variables: Record<string, unknown>,
): ProviderName | undefined {
  for (const ancestor of [...ancestors].reverse()) {
    if (Array.isArray(ancestor) || (ancestor as ASTNode).kind !== Kind.FIELD) continue;
    const idArgument = (ancestor as FieldNode).arguments?.find((a) => a.name.value === 'id');
    const value = idArgument?.value;
    const id =
      value?.kind === Kind.STRING
        ? value.value
        : value?.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : null;
    if (typeof id !== 'string') continue;
    try {
      return decodeGlobalId(id, 'id').provider;
    } catch {
      return undefined;
    }
  }
  return undefined;
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
