/**
 * Starts, beside a node's own lookup, the upstream calls its selected fields will make that need only
 * the node's id: a company's entries, movements, documents or exercises would otherwise wait a full
 * upstream round trip for the node. The field resolvers later get the same calls from the field spec's
 * shared call (src/schema/fields/list-field.ts). Only for companies the tenant may see; a failure
 * here is the field's to report, so it is swallowed. (A document's download link is signed by the
 * gateway and costs no upstream call until it is followed: nothing to read ahead.)
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { GlobalId } from '../../domain/ids';
import { listFieldSpecs, resolveListField, type CompanyRef } from '../fields/list-field';
import { selectedFieldNodes } from './selection';

export function readAhead(ctx: RequestContext, id: GlobalId, info: GraphQLResolveInfo): void {
  if (id.type === 'Company') {
    const company: CompanyRef = { provider: id.provider, providerId: id.nativeId };
    const type = info.schema.getType('Company');
    if (!isObjectType(type)) return;
    // The fields whose spec says their call needs nothing but the company id (src/schema/fields/list-field.ts).
    for (const spec of listFieldSpecs('Company').filter((s) => s.readAhead)) {
      const definition = type.getFields()[spec.field];
      for (const node of definition ? selectedFieldNodes(info, 'Company', spec.field) : [])
        swallow(() =>
          resolveListField(spec, ctx, company, getArgumentValues(definition!, node, info.variableValues)),
        );
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
