import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, DocumentRecord } from '../../domain/model';
import { requireMethod } from '../capabilities';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField } from '../fields/list-field';
import { DocumentFilterInput } from './document.input';
import { validateDocumentFilter } from './document.validation';
import { documentsConnection } from './document.service';
import { Document, DocumentConnection } from './document.type';

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() document: DocumentRecord): string {
    return recordGlobalId('Document', document);
  }

  @FieldResolver(() => Company, { description: 'The company the document belongs to.' })
  company(@Root() document: DocumentRecord, @Ctx() ctx: RequestContext) {
    return loadCompany(ctx, document.provider, document.companyId);
  }

  // A field resolver runs only when selected, so the provider is asked for a URL only then.
  @FieldResolver(() => String, {
    nullable: true,
    description: 'A temporary URL to the bytes, asked of the provider only when selected.',
  })
  downloadUrl(@Root() document: DocumentRecord, @Ctx() ctx: RequestContext) {
    const session = ctx.companySession(document.provider, document.companyId);
    return requireMethod(
      session,
      'getDocumentDownloadUrl',
      'DOCUMENT_DOWNLOAD',
    )(document.companyId, document.providerId);
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description: 'The original, when this document is a duplicate.',
  })
  duplicateOf(@Root() document: DocumentRecord, @Ctx() ctx: RequestContext) {
    if (!document.duplicateOfId) return null;
    return ctx.nodes.load({
      type: 'Document',
      provider: document.provider,
      companyId: document.companyId,
      nativeId: document.duplicateOfId,
    });
  }
}

const companyDocuments = defineCompanyListField({
  field: 'documents',
  capability: 'DOCUMENTS',
  readAhead: true,
  validate: (args) => ({ filter: validateDocumentFilter(args.filter), page: pageArgsOf(args) }),
  fetch: (ctx, company, { filter, page }) => documentsConnection(ctx, company, filter, page),
});

@Resolver(() => Company)
export class CompanyDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    description: "A page of the company's documents; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  documents(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DocumentFilterInput, { nullable: true, description: 'Narrows the list.' })
    filter?: DocumentFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
    after?: string | null,
  ) {
    return companyDocuments.resolve(ctx, company, { filter, first, after });
  }
}
