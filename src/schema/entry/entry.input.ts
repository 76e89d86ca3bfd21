import { Field, InputType } from 'type-graphql';
import type { EntryType } from '../../domain/model';
import { EntryTypeEnum } from '../common/enums';
import { DateScalar } from '../scalars/date.scalar';

@InputType('EntryFilter', { description: 'Narrows a list of entries; every field is optional.' })
export class EntryFilterInput {
  @Field(() => EntryTypeEnum, { nullable: true, description: 'Only entries of this type.' })
  type?: EntryType | null;

  @Field(() => String, { nullable: true, description: 'Only entries of this journal code.' })
  journalCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Entries dated on or after this day.' })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Entries dated on or before this day (not before from).',
  })
  to?: string | null;
}
