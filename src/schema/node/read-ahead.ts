/**
 * Starts, beside a node's own lookup, the upstream calls its selected fields will make that need only
 * the node's id: a company's entries, movements, documents or exercises, or a document's download
 * URL, would otherwise wait a full upstream round trip for the node. The field resolvers later get the
 * same calls from the field spec's shared call (src/schema/fields/list-field.ts) or the session's
 * DataLoaders. Only for
 * companies the tenant may see; a failure here is the field's to report, so it is swallowed.
 */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { GlobalId } from '../../domain/ids';
import { listFieldSpecs, resolveListField, type CompanyRef } from '../fields/list-field';
import { selectedFieldNodes, selectsField } from './selection';

export function readAhead(ctx: RequestContext, id: GlobalId, info: GraphQLResolveInfo): void {
  if (id.type === 'Document' && selectsField(info, 'Document', 'downloadUrl')) {
    swallow(() => {
      const session = ctx.companySession(id.provider, id.companyId);
      return session.getDocumentDownloadUrl?.(id.companyId, id.nativeId);
    });
  }
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
