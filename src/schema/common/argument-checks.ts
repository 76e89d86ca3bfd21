/**
 * The argument rules of nested list fields, run on the whole operation before execution
 * (src/server/limits/use-argument-checks.ts). Threat: malformed input costing upstream calls — without
 * this, `company(id) { movements(filter: <broken>) }` looks the company up at its provider before
 * the movements resolver refuses the filter. Each rule is the field spec's own validator
 * (src/schema/fields/list-field.ts), so both answer the same error.
 */
import type { RequestContext } from '../../context';
import type { ProviderName } from '../../domain/model';
import { listFieldSpec, type FieldArgs } from '../fields/list-field';

/** True when `parentType.field` is a declared list field: its arguments are checked before execution. */
export const hasArgumentCheck = (parentType: string, field: string): boolean =>
  listFieldSpec(parentType, field) !== undefined;

/**
 * Throws the field's BAD_USER_INPUT for bad arguments. When the company's provider is known from the
 * operation (`provider`) and lacks the field's capability, the arguments are not judged: the resolver
 * answers UNSUPPORTED_BY_PROVIDER, which says more than any argument error.
 */
export function checkNestedArguments(
  ctx: RequestContext,
  parentType: string,
  field: string,
  args: FieldArgs,
  provider?: ProviderName,
): void {
  const spec = listFieldSpec(parentType, field);
  if (!spec) return;
  if (provider && !providerOffers(ctx, provider, spec.capability)) return;
  spec.validate(args);
}

function providerOffers(ctx: RequestContext, provider: ProviderName, capability: string): boolean {
  if (!ctx.providers.includes(provider)) return false;
  return (ctx.session(provider).capabilities as readonly string[]).includes(capability);
}
