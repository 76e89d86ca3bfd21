/**
 * Starts, beside a node's own lookup, the upstream calls its selected fields will make that need only
 * the node's id: a company's entries, movements, documents or exercises would otherwise wait a full upstream round trip for the node. The field resolvers later get the
 * same calls from the request's shared promises (`ctx.once`) or the session's DataLoaders. Only for
 * companies the tenant may see; a failure here is the field's to report, so it is swallowed.
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { GlobalId } from '../../domain/ids';
import type { CompanyRecord } from '../../domain/model';
import { parsePageArgs } from '../common/pagination.validation';
import { documentsConnection } from '../document/document.service';
import type { DocumentFilterInput } from '../document/document.input';
import { entriesConnection } from '../entry/entry.service';
import type { EntryFilterInput } from '../entry/entry.input';
import { companyExercises } from '../exercise/exercise.service';
import { movementsConnection } from '../movement/movement.service';
import type { MovementFilterInput } from '../movement/movement.input';
import { validateMovementFilter } from '../movement/movement.validation';
import { selectedFieldNodes } from './selection';

type CompanyRef = Pick<CompanyRecord, 'provider' | 'providerId'>;
type Args = Record<string, unknown>;
type Page = [first: number | null | undefined, after: string | null | undefined];
const page = (args: Args): Page => [args.first as number | undefined, args.after as string | undefined];

/** Company fields whose upstream calls need only the company's id, as their resolvers make them. */
const COMPANY_FIELDS: Record<
  string,
  (ctx: RequestContext, company: CompanyRef, args: Args) => Promise<unknown>
> = {
  exercises: (ctx, company) => companyExercises(ctx, company),
  entries: (ctx, company, args) =>
    entriesConnection(ctx, company, args.filter as EntryFilterInput | undefined, ...page(args)),
  documents: (ctx, company, args) =>
    documentsConnection(ctx, company, args.filter as DocumentFilterInput | undefined, ...page(args)),
  movements: (ctx, company, args) =>
    movementsConnection(
      ctx,
      company,
      validateMovementFilter(args.filter as MovementFilterInput | undefined),
      parsePageArgs(...page(args)),
    ),
};

export function readAhead(ctx: RequestContext, id: GlobalId, info: GraphQLResolveInfo): void {
  if (id.type === 'Company') {
    const company = { provider: id.provider, providerId: id.nativeId };
    const type = info.schema.getType('Company');
    if (!isObjectType(type)) return;
    for (const [name, start] of Object.entries(COMPANY_FIELDS)) {
      const definition = type.getFields()[name];
      for (const node of definition ? selectedFieldNodes(info, 'Company', name) : [])
        swallow(() => start(ctx, company, getArgumentValues(definition!, node, info.variableValues)));
    }
  }
}

/** Runs a read-ahead, dropping its errors: invalid arguments, a foreign company or an upstream failure. */
function swallow(start: () => Promise<unknown> | undefined): void {
  try {
    start()?.catch(() => undefined);
  } catch {
    // The resolver meets the same error and reports it in its place.
  }
}
