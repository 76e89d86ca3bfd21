/** The `company` field every child type has: loaded through the per-request node loader. */
import type { RequestContext } from '../../context';
import type { CompanyRecord, ProviderName } from '../../domain/model';
import { NotFoundError } from '../../errors';

export async function loadCompany(
  ctx: RequestContext,
  provider: ProviderName,
  companyId: string,
): Promise<CompanyRecord> {
  const company = await ctx.nodes.load({ type: 'Company', provider, companyId, nativeId: companyId });
  if (!company) throw new NotFoundError('Company');
  return company as unknown as CompanyRecord;
}
