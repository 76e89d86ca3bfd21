import { Field, ID, InputType } from 'type-graphql';
import type { ExportFailureReasonType, ExportJobEvent, ExportJobItemStatus } from '../../domain/model';
import { ExportFailureReasonTypeEnum, ExportJobEventEnum, ExportJobItemStatusEnum } from '../common/enums';

@InputType({
  description:
    "An accounting integration's report on an export job it runs (Pleo's export-job events); moves the job.",
})
export class UpdateExportJobStatusInput {
  @Field(() => ID, { description: 'Global id of the export job.' })
  exportJobId!: string;

  @Field(() => ExportJobEventEnum, { description: 'What happened to the job.' })
  event!: ExportJobEvent;

  @Field(() => String, {
    nullable: true,
    description: 'FAILED only: why the job failed, in words (at most 1,000 characters).',
  })
  failureReason?: string | null;

  @Field(() => ExportFailureReasonTypeEnum, {
    nullable: true,
    description: "FAILED only: the failure's category.",
  })
  failureReasonType?: ExportFailureReasonType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Retries with the same key and input return the job as the first attempt left it, never posting the event twice.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'The new status of one entry of an export job.' })
export class ExportJobItemUpdateInput {
  @Field(() => ID, { description: 'Global id of an entry of the job.' })
  entryId!: string;

  @Field(() => ExportJobItemStatusEnum, { description: 'IN_PROGRESS, SUCCESSFUL or FAILED.' })
  status!: ExportJobItemStatus;

  @Field(() => String, {
    nullable: true,
    description: 'FAILED only: why, e.g. account_unknown (at most 1,000 characters).',
  })
  failureReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The entry's id in the accounting system (at most 255 characters).",
  })
  externalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The entry's page in the accounting system (an http(s) URL).",
  })
  externalUrl?: string | null;
}

@InputType({ description: "Item statuses an accounting integration reports on an export job's entries." })
export class UpdateExportJobItemsInput {
  @Field(() => ID, { description: 'Global id of the export job.' })
  exportJobId!: string;

  @Field(() => [ExportJobItemUpdateInput], {
    description: 'At most 100 updates, one per entry.',
  })
  items!: ExportJobItemUpdateInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key and input return the first answer instead of updating again.',
  })
  idempotencyKey?: string | null;
}
