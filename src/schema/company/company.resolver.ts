import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import { companyGlobalId } from '../../domain/ids';
import type { Capability, CompanyRecord, ProviderName } from '../../domain/model';
import { CapabilityEnum, ProviderEnum } from '../common/enums';
import { parsePageArgs } from '../common/pagination.validation';
import { findNodeOf } from '../node/node.service';
import { companiesConnection } from './companies.service';
import { Company, CompanyConnection } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, {
    description: 'Every company the caller may see, across its providers (or one provider), paginated.',
  })
  companies(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('provider', () => ProviderEnum, {
      nullable: true,
      description: 'Only the companies of this provider.',
    })
    provider?: ProviderName | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
    after?: string | null,
  ) {
    return companiesConnection(ctx, provider ?? null, parsePageArgs(first, after), info);
  }

  @Query(() => Company, {
    nullable: true,
    description: 'One company by its global id; null when absent or not visible.',
  })
  company(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global id of the company.' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findNodeOf<CompanyRecord>(ctx, id, ['Company'], 'id', info);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() company: CompanyRecord): string {
    return companyGlobalId(company.provider, company.providerId);
  }

  @FieldResolver(() => [CapabilityEnum])
  capabilities(@Root() company: CompanyRecord, @Ctx() ctx: RequestContext): readonly Capability[] {
    return ctx.session(company.provider).capabilities;
  }
}
