import { Field, Int, ObjectType } from 'type-graphql';
import type {
  ExportFailureReasonType,
  ExportFormat,
  ExportJobRecord,
  ExportJobStatus,
  ProviderName,
} from '../../domain/model';
import {
  ExportFailureReasonTypeEnum,
  ExportFormatEnum,
  ExportJobStatusEnum,
  ProviderEnum,
} from '../common/enums';
import { connectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { DateTimeScalar } from '../scalars/date-time.scalar';

@ObjectType({ description: 'The file an export job produced.' })
export class ExportFile {
  @Field({ description: 'File name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own page for the file (may need a session there).",
  })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A gateway URL streaming the bytes with a plain GET (no header needed: an <a href>, curl); it carries its own signed token, valid for your tenant only, until downloadUrlExpiresAt.',
  })
  downloadUrl!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When downloadUrl stops working (within the hour, never after the access token asking for it).',
  })
  downloadUrlExpiresAt!: string | null;
  /** The job the file belongs to (not a GraphQL field: the conformance resolver reads it). */
  job?: ExportJobRecord;
}

@ObjectType({
  implements: Node,
  description: 'An export of accounting data (FEC/ACD file, or a Pleo export job).',
})
export class ExportJob extends Node {
  @Field(() => ProviderEnum, { description: 'The provider running the export.' })
  provider!: ProviderName;

  @Field(() => ExportFormatEnum, {
    nullable: true,
    description: 'The file format, when the provider has formats.',
  })
  format!: ExportFormat | null;

  @Field(() => ExportJobStatusEnum, { description: 'Where the job stands.' })
  status!: ExportJobStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the job was created.' })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the job started.' })
  startedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the job finished.' })
  completedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of items exported.' })
  numberOfItems!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the job failed, in words.' })
  failureReason!: string | null;

  @Field(() => ExportFailureReasonTypeEnum, {
    nullable: true,
    description: "The provider's failure category.",
  })
  failureReasonType!: ExportFailureReasonType | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Started by a user (true) or in the background (false); null when the provider has no such notion.',
  })
  isInteractive!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Pleo: the exported items carry vendor and bookkeeping data.',
  })
  vendorBasedBookkeeping!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "The provider's id of the user who started the job (Pleo's createdBy).",
  })
  createdBy!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the job expired (Pleo); null if it did not.',
  })
  expiredAt!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds the job lives after its last update before it expires (Pleo).',
  })
  expiresIn!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The last update of, or action on, the job (Pleo).',
  })
  lastUpdatedAt!: string | null;
}

export const ExportJobConnection = connectionType('ExportJob', ExportJob, 'export jobs');
