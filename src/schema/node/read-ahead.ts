/**
 * Starts, beside a node's own lookup, the upstream calls its selected fields will make that need only
 * the node's id: a company's entries, movements, documents or exercises would otherwise wait a full
 * upstream round trip for the node. The field resolvers later get the same calls from the field spec's
 * shared call (src/schema/fields/list-field.ts). Only for companies the tenant may see; a failure
 * here is the field's to report, so it is swallowed (the calls started are returned, for
 * node.service.ts to tell whether they answered). (A document's download link is signed by the
 * gateway and costs no upstream call until it is followed: nothing to read ahead.)
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { GlobalId } from '../../domain/ids';
import { NotFoundError, UpstreamError } from '../../errors';
import { listFieldSpecs, resolveListField, type CompanyRef } from '../fields/list-field';
import { selectedFieldNames, selectedFieldNodes } from './selection';

export function readAhead(ctx: RequestContext, id: GlobalId, info: GraphQLResolveInfo): Promise<unknown>[] {
  const started: Promise<unknown>[] = [];
  if (id.type === 'Company') {
    const company: CompanyRef = { provider: id.provider, providerId: id.nativeId };
    const type = info.schema.getType('Company');
    if (!isObjectType(type)) return started;
    for (const spec of readAheadSpecs()) {
      const definition = type.getFields()[spec.field];
      for (const node of definition ? selectedFieldNodes(info, 'Company', spec.field) : []) {
        const call = swallow(() =>
          resolveListField(spec, ctx, company, getArgumentValues(definition!, node, info.variableValues)),
        );
        if (call) started.push(call);
      }
    }
  }
  return started;
}

/** The `Company` fields whose spec says their call needs nothing but the company id (src/schema/fields/list-field.ts). */
export const readAheadSpecs = () => listFieldSpecs('Company').filter((s) => s.readAhead);

/** Runs a read-ahead, dropping its errors: invalid arguments, a foreign company or an upstream failure. */
function swallow(start: () => Promise<unknown>): Promise<unknown> | undefined {
  try {
    const call = start();
    call.catch(() => undefined);
    return call;
  } catch {
    // The resolver meets the same error and reports it in its place.
    return undefined;
  }
}

/** The `Company` fields answered from its global id alone, without its record. */
const ANSWERED_FROM_ID = new Set(['__typename', 'id', 'provider', 'providerId', 'capabilities']);

/**
 * Whether the calls `readAhead` started stand for the company's own lookup: its provider refuses a
 * company-scoped call for a company out of reach (`scopedCallsProveCompany`), the selection asks
 * nothing of the company's record (name, SIREN), and the provider itself dealt with a call. An answer
 * proves the company: a first entries page costs its six lists, not a seventh call for the society
 * list. A provider failure other than not-found (401, 5xx, a spent budget) is reported on its field, as
 * the lookup would meet the same provider, and is not asked again. When no call reached the provider
 * (refused before it, as a foreign cursor is) or one was not found, the lookup decides.
 */
export async function readAheadStandsForLookup(
  ctx: RequestContext,
  id: GlobalId,
  info: GraphQLResolveInfo,
  started: readonly Promise<unknown>[],
): Promise<boolean> {
  if (id.type !== 'Company' || started.length === 0) return false;
  if (!ctx.companySession(id.provider, id.nativeId).scopedCallsProveCompany) return false;
  const readAheadFields = new Set(readAheadSpecs().map((spec) => spec.field));
  for (const name of selectedFieldNames(info, 'Company'))
    if (!ANSWERED_FROM_ID.has(name) && !readAheadFields.has(name)) return false;
  const settled = await Promise.allSettled(started);
  if (settled.some((outcome) => outcome.status === 'rejected' && isNotFound(outcome.reason))) return false;
  return settled.some((outcome) => outcome.status === 'fulfilled' || outcome.reason instanceof UpstreamError);
}

const isNotFound = (error: unknown) =>
  error instanceof NotFoundError || (error instanceof UpstreamError && error.status === 404);
