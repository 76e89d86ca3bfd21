import { Field, ObjectType } from 'type-graphql';
import type { LetteringState } from '../../domain/model';
import { LetteringStateEnum } from '../common/enums';
import { connectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { Account, Journal } from '../entry/entry.type';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType({
  description: 'Whether and how a movement is lettered (matched with others).',
  simpleResolvers: true,
})
export class Lettering {
  @Field(() => LetteringStateEnum, { description: 'How far the lettering goes.' })
  state!: LetteringState;

  @Field(() => String, { nullable: true, description: 'The lettering code, e.g. "AA".' })
  value!: string | null;
}

@ObjectType({
  description: 'One section of an analytic axis and the share of the movement it receives.',
  simpleResolvers: true,
})
export class AnalyticSection {
  @Field({ description: 'Section code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Section name.' })
  name!: string | null;

  @Field(() => DecimalScalar, { description: 'Amount allocated to the section.' })
  amount!: number;

  @Field({ description: 'Share of the movement, in percent, as a decimal string (e.g. "33.33").' })
  rate!: string;
}

@ObjectType({ description: 'The allocation of a movement on one analytic axis.', simpleResolvers: true })
export class AnalyticAllocation {
  @Field({ description: 'Axis code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Axis name.' })
  name!: string | null;

  @Field(() => [AnalyticSection], { description: 'The sections the movement is split over.' })
  sections!: AnalyticSection[];
}

// Simple resolvers: plain property reads without type-graphql's per-field wrapper (no middleware or
// auth checker here); 500 movements × 10 fields per page made that wrapper's garbage a GC cost.
@ObjectType({
  implements: Node,
  description: 'A movement: one entry line as the MAD export sees it, with lettering and analytics.',
  simpleResolvers: true,
})
export class Movement extends Node {
  @Field(() => DateScalar, { description: 'Accounting date.' })
  date!: string;

  @Field(() => Journal, { description: 'The journal of the entry.' })
  journal!: Journal;

  @Field(() => Account, { nullable: true, description: 'The account the movement is booked on.' })
  account!: Account | null;

  @Field(() => String, { nullable: true, description: 'Label of the movement.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Invoice number.' })
  invoiceNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Payment due date.' })
  dueDate!: string | null;

  @Field(() => DecimalScalar, { description: 'Debit amount.' })
  debit!: number;

  @Field(() => DecimalScalar, { description: 'Credit amount.' })
  credit!: number;

  @Field(() => DecimalScalar, { description: 'credit − debit, as MyUnisoft defines it.' })
  amount!: number;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code.' })
  currency!: string | null;

  @Field(() => Lettering, { nullable: true, description: 'Lettering, when the provider reports it.' })
  lettering!: Lettering | null;

  @Field(() => [AnalyticAllocation], { description: 'Analytic allocations, one per axis.' })
  analytics!: AnalyticAllocation[];
}

export const MovementConnection = connectionType('Movement', Movement, 'movements', {
  snapshot: true,
});
