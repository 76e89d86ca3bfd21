/**
 * The per-operation limits of `config.limits`: GraphQL Armor's validation rules (document-limits.ts:
 * depth, aliases, directives) and Apollo plugins run once the operation is resolved (cost, which
 * depends on the variables). (`maxTokens` and `maxBatchOperations` are checked earlier, on the
 * route: use-max-tokens.ts, use-batch-limit.ts.)
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { GatewayConfig } from '../../config';
import type { RequestContext } from '../../context';
import { documentLimitRules } from './document-limits';
import { useKnownOperationTypes } from './use-known-operation-types';
import { useMaxCost } from './use-max-cost';

export type QueryLimits = Pick<
  GatewayConfig['limits'],
  'maxTokens' | 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxCost'
>;

export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return documentLimitRules(limits);
}

export function queryLimitPlugins(limits: QueryLimits): ApolloServerPlugin<RequestContext>[] {
  return [useKnownOperationTypes(), useMaxCost(limits.maxCost)];
}
