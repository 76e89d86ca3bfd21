/**
 * `limits.maxDepth`, `maxAliases` and `maxDirectives` as GraphQL Armor's validation rules. Threats:
 * deep, costly nesting; alias bombs (one expensive field asked hundreds of times under other names);
 * directive floods. Armor measures each fragment once and counts it wherever it is spread, so a
 * fragment bomb is measured in time linear in the document. Apollo validates a document once and
 * caches it; a refusal is a LimitExceededError naming the config key (HTTP 400, nothing executed).
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { GatewayConfig } from '../../config';
import { LimitExceededError } from '../../errors';

export type DocumentLimits = Pick<GatewayConfig['limits'], 'maxDepth' | 'maxAliases' | 'maxDirectives'>;

/** The one adapter of armor's refusals: reported as our error (armor's message, the config key named) instead of thrown. */
function refusedAs(limit: keyof DocumentLimits, max: number) {
  const reject = (context: ValidationContext | null, error: GraphQLError) => {
    const measured = error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '');
    context?.reportError(new LimitExceededError(limit, max, `${measured} (limits.${limit}).`));
  };
  return { n: max, exposeLimits: true, propagateOnRejection: false, onReject: [reject] };
}

export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  return [
    // A fragment adds no level of its own: its fields are as deep as where it is spread.
    maxDepthRule({ ...refusedAs('maxDepth', limits.maxDepth), flattenFragments: true }),
    // Every alias counts, __typename's too (armor exempts those by default).
    maxAliasesRule({ ...refusedAs('maxAliases', limits.maxAliases), allowList: [] }),
    maxDirectivesRule(refusedAs('maxDirectives', limits.maxDirectives)),
  ];
}
