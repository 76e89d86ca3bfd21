import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ExportJobItemErrorCode, ExportJobItemStatus } from '../../domain/model';
import { ExportJobItemErrorCodeEnum, ExportJobItemStatusEnum } from '../common/enums';
import { DateTimeScalar } from '../scalars/date-time.scalar';

@ObjectType({ description: 'One entry of an export job, and how its transmission went.' })
export class ExportJobItem {
  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;

  @Field(() => ExportJobItemStatusEnum, { description: 'Where the entry stands.' })
  status!: ExportJobItemStatus;

  @Field(() => String, { nullable: true, description: 'Why it failed, as the integration reported it.' })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: "The entry's id in the accounting system." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: "The entry's page in the accounting system." })
  externalUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the item last changed.' })
  updatedAt!: string | null;
}

@ObjectType({ description: 'An item update that was not applied.' })
export class ExportJobItemError {
  @Field(() => Int, {
    nullable: true,
    description: 'Index of the update in input.items; null if the provider names an entry the input did not.',
  })
  index!: number | null;

  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;

  @Field(() => ExportJobItemErrorCodeEnum, { description: 'Why it was not applied.' })
  code!: ExportJobItemErrorCode;
}

@ObjectType({ description: 'The items an update changed, and the updates not applied.' })
export class ExportJobItemsUpdate {
  @Field(() => [ExportJobItem], { description: 'The updated items, as the provider now holds them.' })
  items!: ExportJobItem[];

  @Field(() => [ExportJobItemError], { description: 'Updates not applied (empty when none).' })
  errors!: ExportJobItemError[];
}
