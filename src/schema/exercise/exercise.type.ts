import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'An accounting exercise (fiscal year) of a company.' })
export class Exercise extends Node {
  @Field({ description: 'Label as the provider shows it, e.g. "2023".' })
  label!: string;

  @Field(() => DateScalar, { description: 'First day of the exercise.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day of the exercise.' })
  endDate!: string;

  @Field({ description: 'True once the exercise is closed (no more entries).' })
  closed!: boolean;
}
