/**
 * One rule for argument errors (docs/api.md, "Argument errors"): a value of the wrong type, a scalar
 * that does not parse or an argument rule broken — literal or variable, root or nested field — refuses
 * the whole operation before execution, as BAD_USER_INPUT naming `field` (the argument path) and `path`
 * (the field's response path). Threat: malformed input costing upstream calls — without this,
 * `company(id) { movements(filter: <broken>) }` looks the company up at its provider before the
 * movements resolver refuses the filter. The rules are the resolvers' own validators
 * (src/schema/common/argument-checks.ts), so both answer the same error.
 */
import { getArgumentValues, getOperationAST, getVariableValues, GraphQLError, type FieldNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context';
import { ArgumentError, BadUserInputError } from '../../errors';
import { argumentCheckOf } from '../../schema/common/argument-checks';
import { decodeGlobalId } from '../../domain/ids';
import type { ProviderName } from '../../domain/model';
import { literalArgumentError, variableArgumentError } from './argument-locations';
import { operationFields } from './operation-fields';

export function useArgumentChecks(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ schema, document, request }) {
          return async (errors) => {
            if (!errors?.length) return;
            const operation = getOperationAST(document, request.operationName);
            const paths = new Map<FieldNode, string[]>(
              operation ? operationFields(schema, document, operation).map((f) => [f.node, f.path]) : [],
            );
            // Replaced in place: Apollo answers the array it handed here (mask-errors.ts restores the code).
            errors.forEach((error, i) => {
              if (error instanceof GraphQLError)
                (errors as Error[])[i] = literalArgumentError(error, document, paths);
            });
          };
        },
        async didResolveOperation({ schema, operation, document, request, contextValue }) {
          if (!operation) return;
          const fields = operationFields(schema, document, operation);
          const definitions = operation.variableDefinitions ?? [];
          const inputs = request.variables ?? {};
          const coerced = getVariableValues(schema, definitions, inputs);
          if (coerced.errors)
            throw (
              variableArgumentError(schema, definitions, inputs, fields) ??
              (coerced.errors[0] as GraphQLError)
            );
          const variables = coerced.coerced;
          // Providers named by the global `id` of enclosing fields (`company(id)`, `node(id)`), by path.
          const providers = new Map<string, ProviderName>();
          for (const { node, definition, parent, path } of fields) {
            try {
              const args = getArgumentValues(definition, node, variables);
              const provider = providerAbove(providers, path);
              if (typeof args.id === 'string') rememberProvider(providers, path, args.id);
              argumentCheckOf(contextValue, parent.name, definition.name, provider)?.(args);
            } catch (error) {
              // Only input errors refuse the operation; NOT_FOUND and the like are the resolver's to answer.
              if (error instanceof BadUserInputError)
                throw new ArgumentError(error.message, error.field ?? '', path, [node]);
              if (!(error instanceof GraphQLError)) throw error;
            }
          }
        },
      };
    },
  };
}

/** The provider of the nearest enclosing field whose `id` named one (fields come parents first). */
function providerAbove(providers: Map<string, ProviderName>, path: string[]): ProviderName | undefined {
  for (let i = path.length - 1; i > 0; i--) {
    const provider = providers.get(path.slice(0, i).join('.'));
    if (provider) return provider;
  }
  return undefined;
}

function rememberProvider(providers: Map<string, ProviderName>, path: string[], id: string): void {
  try {
    providers.set(path.join('.'), decodeGlobalId(id, 'id').provider);
  } catch {
    // A malformed id is its own field's rule to refuse.
  }
}
