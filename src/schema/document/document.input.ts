import { Field, ID, InputType } from 'type-graphql';
import type { DocumentStatus, DocumentType } from '../../domain/model';
import { DocumentStatusEnum, DocumentTypeEnum } from '../common/enums';
import { DateScalar } from '../scalars/date.scalar';
import { FileUpload, UploadScalar } from '../scalars/upload.scalar';

@InputType('DocumentFilter', { description: 'Narrows a list of documents; every field is optional.' })
export class DocumentFilterInput {
  @Field(() => DocumentTypeEnum, { nullable: true, description: 'Only documents of this type.' })
  type?: DocumentType | null;

  @Field(() => DocumentStatusEnum, { nullable: true, description: 'Only documents in this status.' })
  status?: DocumentStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Created on or after this day.' })
  createdFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Created on or before this day.' })
  createdTo?: string | null;
}

@InputType({ description: 'A document to upload to the company’s provider (Inqom).' })
export class UploadDocumentInput {
  @Field(() => ID, { description: 'Global id of the company.' })
  companyId!: string;

  @Field(() => UploadScalar, { description: 'The file (multipart request).' })
  file!: FileUpload;

  @Field(() => DocumentTypeEnum, { description: 'What the document is.' })
  type!: DocumentType;

  @Field(() => String, { nullable: true, description: 'Your reference for the document.' })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the document in your system.' })
  sourceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True to skip data extraction (OCR).' })
  skipExtraction?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key and input return the first outcome without a second upload.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'An expense bill to file with the company’s provider (Inqom).' })
export class CreateExpenseBillInput {
  @Field(() => ID, { description: 'Global id of the company.' })
  companyId!: string;

  @Field(() => UploadScalar, { description: 'The receipt (multipart request).' })
  file!: FileUpload;

  // Both are required by Inqom's expense-bills route (underlined in its docs, like the file and its name).
  @Field(() => String, { description: 'Full name of the person to reimburse (1–255 characters).' })
  beneficiaryFullName!: string;

  @Field(() => String, { description: 'Your reference for the bill (1–255 characters).' })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key and input return the first outcome without a second upload.',
  })
  idempotencyKey?: string | null;
}
