/**
 * `limits.maxCost`: refuses operations whose estimated cost (query-cost.ts: connections multiply
 * their selection by `first`) exceeds the limit. Threat: upstream fan-out and huge responses.
 */
import { LimitExceededError } from '../../errors';
import { fragmentsOf } from './fragments';
import { operationCheckPlugin } from './limit-plugin';
import { queryCost } from './query-cost';

export function useMaxCost(maxCost: number) {
  return operationCheckPlugin(({ schema, operation, document, request }) => {
    const cost = queryCost(schema, operation, fragmentsOf(document), request.variables ?? {});
    if (cost > maxCost)
      throw new LimitExceededError(
        'maxCost',
        maxCost,
        `The query's estimated cost is ${cost}; the limit (limits.maxCost) is ${maxCost}. ` +
          'Ask for smaller pages (first) or fewer nested lists.',
      );
  });
}
