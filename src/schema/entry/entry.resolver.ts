import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, EntryRecord } from '../../domain/model';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { Document } from '../document/document.type';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField } from '../fields/list-field';
import { EntryFilterInput } from './entry.input';
import { validateEntryFilter } from './entry.validation';
import { creditTotal, debitTotal, entriesConnection, entryDocuments, isBalanced } from './entry.service';
import { Entry, EntryConnection } from './entry.type';

@Resolver(() => Entry)
export class EntryResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() entry: EntryRecord): string {
    return recordGlobalId('Entry', entry);
  }

  @FieldResolver(() => Company, { description: 'The company the entry belongs to.' })
  company(@Root() entry: EntryRecord, @Ctx() ctx: RequestContext) {
    return loadCompany(ctx, entry.provider, entry.companyId);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the lines’ debits, computed exactly.' })
  debitTotal(@Root() entry: EntryRecord) {
    return debitTotal(entry);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the lines’ credits, computed exactly.' })
  creditTotal(@Root() entry: EntryRecord) {
    return creditTotal(entry);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when debitTotal equals creditTotal (computed, not copied).',
  })
  balanced(@Root() entry: EntryRecord) {
    return isBalanced(entry);
  }

  @FieldResolver(() => [Document], { description: 'Documents attached to the entry.' })
  documents(@Root() entry: EntryRecord, @Ctx() ctx: RequestContext) {
    return entryDocuments(ctx, entry);
  }
}

const companyEntries = defineCompanyListField({
  field: 'entries',
  capability: 'ENTRIES',
  readAhead: true,
  validate: (args) => ({ filter: validateEntryFilter(args.filter), page: pageArgsOf(args) }),
  fetch: (ctx, company, { filter, page }) => entriesConnection(ctx, company, filter, page),
});

@Resolver(() => Company)
export class CompanyEntriesResolver {
  @FieldResolver(() => EntryConnection, {
    description: "A page of the company's entries; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  entries(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EntryFilterInput, { nullable: true, description: 'Narrows the list.' })
    filter?: EntryFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
    after?: string | null,
  ) {
    return companyEntries.resolve(ctx, company, { filter, first, after }, info.path);
  }
}
