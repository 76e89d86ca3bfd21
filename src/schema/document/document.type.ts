import { Field, Int, ObjectType } from 'type-graphql';
import type { DocumentStatus, DocumentType } from '../../domain/model';
import { DocumentStatusEnum, DocumentTypeEnum } from '../common/enums';
import { connectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { DateScalar } from '../scalars/date.scalar';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType({
  implements: Node,
  description: 'An accounting document (invoice, receipt...) held by the provider.',
})
export class Document extends Node {
  @Field({ description: 'File name.' })
  name!: string;

  @Field(() => DocumentTypeEnum, { description: 'What the document is.' })
  type!: DocumentType;

  @Field(() => DocumentStatusEnum, { description: "Where the document stands in the provider's processing." })
  status!: DocumentStatus;

  @Field(() => Int, { nullable: true, description: 'Size in kilobytes.' })
  sizeKb!: number | null;

  @Field(() => DateTimeScalar, { description: 'When the provider received the document.' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'Checksum of the bytes as the provider computes it.' })
  checksum!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Total amount extracted from the document.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Supplier or customer extracted from the document.' })
  counterParty!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the document (invoice date).' })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The reference given at upload (Inqom DocRef).' })
  reference!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The document's id in the system it came from, given at upload (Inqom SourceId).",
  })
  sourceId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The file name when it was dropped (Inqom OriginalName).',
  })
  originalName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the document is in its status, in the provider's words (Inqom StatusReason).",
  })
  statusReason!: string | null;
}

export const DocumentConnection = connectionType('Document', Document, 'documents');
