/**
 * The per-operation limits of `config.limits` as Apollo plugins, in the order they are checked.
 * (`maxTokens` and `maxBatchOperations` are checked earlier, on the route: use-max-tokens.ts.)
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayConfig } from '../../config';
import type { RequestContext } from '../../context';
import { useMaxAliases } from './use-max-aliases';
import { useMaxCost } from './use-max-cost';
import { useMaxDepth } from './use-max-depth';
import { useKnownOperationTypes } from './use-known-operation-types';

export type QueryLimits = Pick<GatewayConfig['limits'], 'maxTokens' | 'maxDepth' | 'maxAliases' | 'maxCost'>;

export function queryLimitPlugins(limits: QueryLimits): ApolloServerPlugin<RequestContext>[] {
  return [
    useKnownOperationTypes(),
    useMaxDepth(limits.maxDepth),
    useMaxAliases(limits.maxAliases),
    useMaxCost(limits.maxCost),
  ];
}
