import { Field, ObjectType } from 'type-graphql';
import type { EntryType } from '../../domain/model';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { EntryTypeEnum } from '../common/enums';
import { connectionType } from '../common/connection.type';
import { Node } from '../common/node.type';

@ObjectType({ description: 'An accounting journal (sales, purchases, bank...).', simpleResolvers: true })
export class Journal {
  @Field({ description: 'Journal code, e.g. "VT" or "BQ1".' })
  code!: string;

  @Field({ description: 'Journal label.' })
  label!: string;

  @Field(() => String, { nullable: true, description: "The provider's journal type, when it has one." })
  type!: string | null;
}

@ObjectType({ description: 'A general-ledger account.', simpleResolvers: true })
export class Account {
  @Field({ description: 'Account number, e.g. "411000".' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'Account name, when the provider gives it.' })
  name!: string | null;
}

@ObjectType({ description: 'One line of an entry: an amount on one account.', simpleResolvers: true })
export class EntryLine {
  @Field(() => Account, { description: 'The account the line is booked on.' })
  account!: Account;

  @Field(() => String, { nullable: true, description: 'Line label.' })
  label!: string | null;

  @Field(() => DecimalScalar, { description: 'Debit amount ("0.00" when the line is a credit).' })
  debit!: number;

  @Field(() => DecimalScalar, { description: 'Credit amount ("0.00" when the line is a debit).' })
  credit!: number;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code.' })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: 'Piece (voucher) reference.' })
  piece!: string | null;

  @Field(() => String, { nullable: true, description: 'Invoice number.' })
  invoiceNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Payment due date.' })
  dueDate!: string | null;
}

// Simple resolvers (no middleware here): no type-graphql wrapper per field for 50 entries × their lines a page.
@ObjectType({
  implements: Node,
  description: 'An accounting entry: balanced lines in one journal on one date.',
  simpleResolvers: true,
})
export class Entry extends Node {
  @Field(() => EntryTypeEnum, { description: "The entry's origin." })
  type!: EntryType;

  @Field(() => Journal, { description: 'The journal the entry is booked in.' })
  journal!: Journal;

  @Field(() => DateScalar, { description: 'Accounting date.' })
  date!: string;

  @Field(() => [EntryLine], { description: 'The lines of the entry.' })
  lines!: EntryLine[];
}

export const EntryConnection = connectionType('Entry', Entry, 'entries', { snapshot: true });
