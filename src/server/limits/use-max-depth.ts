/** `limits.maxDepth`: refuses operations nested deeper than the limit (threat: deep, costly nesting). */
import { LimitExceededError } from '../../errors';
import { fragmentsOf } from './fragments';
import { operationCheckPlugin } from './limit-plugin';
import { queryDepth } from './query-depth';

export function useMaxDepth(maxDepth: number) {
  return operationCheckPlugin(({ operation, document }) => {
    const depth = queryDepth(operation, fragmentsOf(document));
    if (depth > maxDepth)
      throw new LimitExceededError(
        'maxDepth',
        maxDepth,
        `The query is ${depth} levels deep; the limit (limits.maxDepth) is ${maxDepth}.`,
      );
  });
}
