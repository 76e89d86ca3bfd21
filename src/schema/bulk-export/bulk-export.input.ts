import { Field, ID, InputType } from 'type-graphql';
import type { BulkExportFormat, BulkExportKind } from '../../bulk/bulk-export.model';
import { DateScalar } from '../scalars/date.scalar';
import { BulkExportFormatEnum, BulkExportKindEnum } from './bulk-export.enums';

@InputType({
  description: 'A bulk export to start: an exercise, or a from/to window of at most 12 months (not both).',
})
export class StartBulkExportInput {
  @Field(() => ID, { description: 'Global id of the company.' })
  companyId!: string;

  @Field(() => BulkExportKindEnum, { description: 'What to export.' })
  kind!: BulkExportKind;

  @Field(() => ID, { nullable: true, description: 'Global id of an exercise of the company.' })
  exerciseId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window start (with to; at most 12 months).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window end (with from; not before from).' })
  to?: string | null;

  @Field(() => BulkExportFormatEnum, { description: 'The file format.' })
  format!: BulkExportFormat;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key and input return the first export instead of starting another.',
  })
  idempotencyKey?: string | null;
}
