/**
 * `limits.maxCost`: refuses operations whose estimated cost (query-cost.ts: connections multiply
 * their selection by `first`) exceeds the limit. Threat: upstream fan-out and huge responses.
 * Checked per request, once the operation is resolved: the cost depends on the variables.
 */
import { LimitExceededError } from '../../errors';
import { operationCheckPlugin } from './limit-plugin';
import { MAX_MEASURED_SELECTIONS, memoizedQueryCost } from './query-cost';

export function useMaxCost(maxCost: number) {
  return operationCheckPlugin(({ schema, document, operation, request }) => {
    const cost = memoizedQueryCost(schema, document, operation, request.variables ?? {});
    if (cost === undefined || cost <= maxCost) return;
    throw new LimitExceededError(
      'maxCost',
      maxCost,
      Number.isFinite(cost)
        ? `The query's estimated cost is ${cost}; the limit (limits.maxCost) is ${maxCost}. ` +
            'Ask for smaller pages (first) or fewer nested lists.'
        : `The query expands to more than ${MAX_MEASURED_SELECTIONS} selections (fragments spread in fragments); ` +
            `its cost is over the limit (limits.maxCost) of ${maxCost}.`,
    );
  });
}
