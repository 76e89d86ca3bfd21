import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar';

@InputType({
  description:
    'The period of a trial balance or ledger: an exercise, or a from/to window of at most 12 months (not both); accountClasses narrows the accounts.',
})
export class TrialBalanceFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of an exercise of the company.' })
  exerciseId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window start (with to; at most 12 months).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Window end (with from; not before from).' })
  to?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only accounts whose number starts with one of these digit roots, e.g. ["4", "512"].',
  })
  accountClasses?: string[] | null;
}
