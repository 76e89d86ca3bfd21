/**
 * The one path every provider-backed connection takes: verify the cursor (bound to tenant, company
 * and filter), check the capability, ask the session for a page, sign the new cursors. Malformed rows
 * the page left out ride on the connection (`rowErrors`) for its field to report (UPSTREAM_BAD_DATA).
 */
import type { RequestContext } from '../../context';
import type { CompanyRecord } from '../../domain/model';
import type { Page, PageRequest, ProviderSession } from '../../providers/types';
import type { Connection } from './connection.type';
import { toConnection, toPageRequest } from './paginate';
import type { PageArgs } from './pagination.validation';

export interface ListSpec<T> {
  /** Names the connection in cursors, e.g. `entries`. */
  name: string;
  /** The validated filter (part of the cursor binding). */
  filter: unknown;
  args: PageArgs;
  /** Calls the session (after capability checks); runs only once the cursor is verified. */
  fetch(session: ProviderSession, page: PageRequest): Promise<Page<T>>;
}

export async function listConnection<T>(
  ctx: RequestContext,
  company: Pick<CompanyRecord, 'provider' | 'providerId'>,
  spec: ListSpec<T>,
): Promise<Connection<T>> {
  const scope = {
    secret: ctx.signingSecret,
    key: {
      tenantId: ctx.tenant.id,
      connection: `${spec.name}:${company.provider}:${company.providerId}`,
      filter: spec.filter,
    },
  };
  const pageRequest = toPageRequest(scope, spec.args);
  const session = ctx.companySession(company.provider, company.providerId);
  // The field spec (src/schema/fields/list-field.ts) shares this call between a read-ahead and the resolver.
  const page = await spec.fetch(session, pageRequest);
  // Rows the provider sent malformed: the page keeps the rest; the field reports them (list-field.ts).
  return toConnection(scope, spec.args, page);
}
