/** `limits.maxAliases`: refuses operations with more aliases than the limit (threat: alias bombs). */
import { LimitExceededError } from '../../errors';
import { fragmentsOf } from './fragments';
import { operationCheckPlugin } from './limit-plugin';
import { queryAliases } from './query-aliases';

export function useMaxAliases(maxAliases: number) {
  return operationCheckPlugin(({ operation, document }) => {
    const aliases = queryAliases(operation, fragmentsOf(document));
    if (aliases > maxAliases)
      throw new LimitExceededError(
        'maxAliases',
        maxAliases,
        `The query uses ${aliases} aliases; the limit (limits.maxAliases) is ${maxAliases}.`,
      );
  });
}
