/**
 * What an access token may run. Threat: a browser holding a token (and any script on its page) doing
 * more than its backend granted. READ runs queries; a mutation runs only when the token has the scope
 * its field declares with `@Extensions({ accessScope })` (EXPORT, UPLOAD); a mutation declaring none
 * (createAccessToken) and subscriptions are refused to every token, and without READ a mutation's answer
 * stops at the object it returns. Checked before any resolver runs.
 * API keys are not limited here.
 */
import {
  Kind,
  OperationTypeNode,
  TypeInfo,
  getNamedType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ACCESS_SCOPE_EXTENSION, type AccessScope } from '../../auth/access-scope';
import { ForbiddenError } from '../../errors';
import { fragmentsOf } from '../limits/fragments';
import { operationCheckPlugin } from '../limits/limit-plugin';

/** Root field names of a selection set, through inline fragments and fragment spreads. */
function rootFields(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

function mutationScope(schema: GraphQLSchema, field: string): AccessScope | undefined {
  const extensions = schema.getMutationType()?.getFields()[field]?.extensions;
  return extensions?.[ACCESS_SCOPE_EXTENSION] as AccessScope | undefined;
}

/** A field that reads company data: an object with an id of its own (a Node) or a connection of them. */
function readsCompanyData(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return (
    named.name.endsWith('Connection') ||
    (isObjectType(named) && named.getInterfaces().some((face) => face.name === 'Node'))
  );
}

/**
 * Without READ, a mutation's answer is the object it returns and that object's own fields: a nested
 * Node or connection (`Document.company`, then its documents, entries…) would be a query in disguise.
 */
function assertNoReadBeyondPayload(schema: GraphQLSchema, document: DocumentNode): void {
  const typeInfo = new TypeInfo(schema);
  const mutation = schema.getMutationType();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field || typeInfo.getParentType() === mutation || !readsCompanyData(field.type)) return;
        throw new ForbiddenError(
          `${node.name.value}: reading beyond the mutation's own result needs an access token with the READ scope.`,
          403,
        );
      },
    }),
  );
}

export function useAccessScopes() {
  return operationCheckPlugin(({ contextValue: ctx, operation, document, schema }) => {
    if (ctx.caller.kind !== 'ACCESS_TOKEN') return;
    const scopes = ctx.caller.scopes;
    if (operation.operation === OperationTypeNode.QUERY) {
      if (!scopes.includes('READ')) throw new ForbiddenError('This access token has no READ scope.', 403);
      return;
    }
    if (operation.operation !== OperationTypeNode.MUTATION)
      throw new ForbiddenError('Access tokens cannot subscribe.', 403);
    if (!scopes.includes('READ')) assertNoReadBeyondPayload(schema, document);
    for (const field of rootFields(operation.selectionSet, fragmentsOf(document))) {
      if (field === '__typename') continue;
      const needed = mutationScope(schema, field);
      if (!needed || !scopes.includes(needed))
        throw new ForbiddenError(
          needed
            ? `${field} needs an access token with the ${needed} scope.`
            : `${field} cannot be called with an access token; use the API key.`,
          403,
        );
    }
  });
}
