/**
 * What an access token may run. Threat: a browser holding a token (and any script on its page) doing
 * more than its backend granted. READ runs queries; a mutation runs only when the token has the scope
 * its field declares with `@Extensions({ accessScope })` (EXPORT, UPLOAD); a mutation declaring none
 * (createAccessToken) and subscriptions are refused to every token. Checked before any resolver runs.
 * API keys are not limited here.
 */
import {
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
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
