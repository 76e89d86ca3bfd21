import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { ACCESS_SCOPE_EXTENSION } from '../../auth/access-scope';
import type { RequestContext } from '../../context';
import { CreateExpenseBillInput, UploadDocumentInput } from './document.input';
import { createExpenseBill, uploadDocument } from './document.service';
import { Document } from './document.type';

@Resolver(() => Document)
export class DocumentMutationResolver {
  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'UPLOAD' })
  @Mutation(() => Document, {
    description:
      "Uploads a document to the company's provider (multipart request; the same bytes again come back as DUPLICATE).",
  })
  uploadDocument(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UploadDocumentInput, { description: 'The document and its metadata.' })
    input: UploadDocumentInput,
  ) {
    return uploadDocument(ctx, input);
  }

  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'UPLOAD' })
  @Mutation(() => Document, {
    description: "Files an expense bill with the company's provider (multipart request).",
  })
  createExpenseBill(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateExpenseBillInput, { description: 'The receipt and its metadata.' })
    input: CreateExpenseBillInput,
  ) {
    return createExpenseBill(ctx, input);
  }
}
