import { Field, ID, InputType } from 'type-graphql';
import type { LetteringState } from '../../domain/model';
import type { MovementDateFilter } from '../../providers/types';
import { LetteringStateEnum, MovementDateFilterEnum } from '../common/enums';
import { DateScalar } from '../scalars/date.scalar';

@InputType('MovementFilter', {
  description: 'Selects movements: an exercise, or a from/to window of at most 12 months (not both).',
})
export class MovementFilterInput {
  @Field(() => ID, { nullable: true, description: 'Global id of an exercise of the company.' })
  exerciseId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window start (with to; at most 12 months).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window end (with from; not before from).' })
  to?: string | null;

  @Field(() => MovementDateFilterEnum, { nullable: true, description: 'Which date the window applies to.' })
  dateFilter?: MovementDateFilter | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only movements of this source (provider-defined code).',
  })
  source?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only accounts of these classes (leading digits, e.g. "4", "41").',
  })
  accountClasses?: string[] | null;

  @Field(() => LetteringStateEnum, { nullable: true, description: 'Only movements in this lettering state.' })
  lettering?: LetteringState | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only draft movements; false: only validated ones.',
  })
  draft?: boolean | null;
}
