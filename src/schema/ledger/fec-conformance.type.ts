import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One rule of art. A47 A-1 LPF checked on a FEC.' })
export class FecCheck {
  @Field({
    description:
      'The rule: header, columnCount, requiredFields, dateFormat, datesInExercise, amounts, entriesBalanced, ecritureNumContinuity, fileName, accountNumbers, letteringDates, currency, chronologicalOrder.',
  })
  name!: string;

  @Field({ description: 'True when no record breaks the rule.' })
  passed!: boolean;

  @Field(() => Int, { description: 'Records breaking the rule (1 for a file-level rule); 0 when passed.' })
  count!: number;

  @Field(() => [String], {
    description: 'Up to five offending records, e.g. `line 12: EcritureDate "20241301" …`.',
  })
  examples!: string[];
}

@ObjectType({
  description:
    "Grand Livre's own check of a FEC against the rules the tax administration's tool applies (a report, not a certificate).",
})
export class FecConformance {
  @Field({ description: 'True when every check passed.' })
  valid!: boolean;

  @Field(() => [FecCheck], { description: 'Every check, in a fixed order.' })
  checks!: FecCheck[];
}
