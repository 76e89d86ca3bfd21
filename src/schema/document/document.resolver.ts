import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, DocumentRecord } from '../../domain/model';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField } from '../fields/list-field';
import { DocumentFilterInput } from './document.input';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { validateDocumentFilter } from './document.validation';
import { documentDownloadLink, documentThumbnailLink, documentsConnection } from './document.service';
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

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A gateway URL streaming the bytes with a plain GET (no header needed: an <a href>, curl); it carries its own signed token, valid for your tenant only, until downloadUrlExpiresAt. The provider is asked for the bytes only when the link is followed.',
  })
  async downloadUrl(@Root() document: DocumentRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await documentDownloadLink(ctx, document)).downloadUrl;
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      'When downloadUrl stops working (within the hour, never after the access token asking for it).',
  })
  async downloadUrlExpiresAt(
    @Root() document: DocumentRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return (await documentDownloadLink(ctx, document)).downloadUrlExpiresAt;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A gateway URL streaming the document's thumbnail image with a plain GET, signed like downloadUrl (your tenant only) until thumbnailUrlExpiresAt; null when the provider has none, or its host is not on the gateway's fetch allowlist.",
  })
  async thumbnailUrl(@Root() document: DocumentRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await documentThumbnailLink(ctx, document)).downloadUrl;
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      'When thumbnailUrl stops working (within the hour, never after the access token asking for it); null with it.',
  })
  async thumbnailUrlExpiresAt(
    @Root() document: DocumentRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return (await documentThumbnailLink(ctx, document)).downloadUrlExpiresAt;
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
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DocumentFilterInput, { nullable: true, description: 'Narrows the list.' })
    filter?: DocumentFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
    after?: string | null,
  ) {
    return companyDocuments.resolve(ctx, company, { filter, first, after }, info.path);
  }
}
