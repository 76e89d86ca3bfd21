/** Movement listings: the filter is validated, its exercise id resolved and checked, then the session asked. */
import type { RequestContext } from '../../context';
import { decodeGlobalIdOf } from '../../domain/ids';
import type { CompanyRecord, MovementRecord } from '../../domain/model';
import { NotFoundError } from '../../errors';
import type { MovementFilter } from '../../providers/types';
import { requireMethod } from '../capabilities';
import type { Connection } from '../common/connection.type';
import { listConnection } from '../common/list-connection';
import type { PageArgs } from '../common/pagination.validation';
import type { ValidMovementFilter } from './movement.validation';
import { registerNodeFetcher } from '../node/node-fetchers';

type CompanyRef = Pick<CompanyRecord, 'provider' | 'providerId'>;

/** Replaces the global exercise id by the native one; an exercise of another company is NOT_FOUND. */
function toProviderFilter(company: CompanyRef, filter: ValidMovementFilter): MovementFilter {
  if (!filter.exerciseId) return filter;
  const id = decodeGlobalIdOf(filter.exerciseId, ['Exercise'], 'filter.exerciseId');
  if (id.provider !== company.provider || id.companyId !== company.providerId)
    throw new NotFoundError('Exercise', 'filter.exerciseId');
  return { ...filter, exerciseId: id.nativeId };
}

export function movementsConnection(
  ctx: RequestContext,
  company: CompanyRef,
  filter: ValidMovementFilter,
  args: PageArgs,
): Promise<Connection<MovementRecord>> {
  const providerFilter = toProviderFilter(company, filter);
  return listConnection(ctx, company, {
    name: 'movements',
    filter: providerFilter,
    args,
    fetch: (session, page) =>
      requireMethod(session, 'listMovements', 'MOVEMENTS')(company.providerId, providerFilter, page),
  });
}

registerNodeFetcher('Movement', (_ctx, session, { companyId, nativeId }) =>
  requireMethod(session, 'getMovement', 'MOVEMENTS')(companyId, nativeId),
);
