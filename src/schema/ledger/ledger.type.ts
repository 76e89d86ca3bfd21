/** The general ledger's types: accounts page, trial balance with its reconciliation, one account's ledger. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Cents } from '../../domain/money';
import { connectionType } from '../common/connection.type';
import { PageInfo } from '../common/page-info.type';
import { Account, Entry, Journal } from '../entry/entry.type';
import { Movement } from '../movement/movement.type';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';

export const AccountConnection = connectionType('Account', Account, 'accounts of the chart');

@ObjectType({ description: 'One account of a trial balance: its movements over the period.' })
export class TrialBalanceLine {
  @Field(() => Account, { description: 'The account.' })
  account!: Account;

  @Field(() => DecimalScalar, { description: "Sum of the account's debits over the period." })
  debit!: Cents;

  @Field(() => DecimalScalar, { description: "Sum of the account's credits over the period." })
  credit!: Cents;

  @Field(() => DecimalScalar, { description: 'debit − credit.' })
  balance!: Cents;
}

@ObjectType({ description: "Where our figure and the provider's own differ for one account." })
export class AccountDifference {
  @Field({ description: 'The account number.' })
  accountNumber!: string;

  @Field(() => DecimalScalar, { description: 'Our balance (debit − credit) from the movements.' })
  ours!: Cents;

  @Field(() => DecimalScalar, { description: "The provider's own balance (debit − credit)." })
  provider!: Cents;
}

@ObjectType({ description: "A trial balance checked against the provider's own balance route." })
export class Reconciliation {
  @Field({ description: 'The provider route the figures were compared with.' })
  source!: string;

  @Field({ description: 'True when every account balance is equal to the cent.' })
  matches!: boolean;

  @Field(() => [AccountDifference], { description: 'The accounts that differ (empty when matches).' })
  differences!: AccountDifference[];
}

@ObjectType({
  description:
    "A company's trial balance (balance générale) over an exercise or a window, summed in cents from the provider's movements or entry lines.",
})
export class TrialBalance {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => [TrialBalanceLine], {
    description: 'One per account with movements, ordered by account number.',
  })
  lines!: TrialBalanceLine[];

  @Field(() => DecimalScalar, { description: 'Sum of the lines’ debits.' })
  debitTotal!: Cents;

  @Field(() => DecimalScalar, { description: 'Sum of the lines’ credits.' })
  creditTotal!: Cents;

  @Field({ description: 'True when debitTotal equals creditTotal.' })
  balanced!: boolean;

  @Field(() => [ID], {
    description:
      'Global ids of the entries whose lines in the period do not sum to zero (a ledger check; empty when accountClasses narrows the lines, since entries are then partial).',
  })
  unbalancedEntryIds!: string[];

  @Field(() => Reconciliation, {
    nullable: true,
    description:
      "The comparison with the provider's own trial balance (MyUnisoft /mad/balance, Inqom /balances); null where the provider has none (Pleo).",
  })
  reconciliation!: Reconciliation | null;
}

@ObjectType({ description: "One line of an account's general ledger, with the balance after it." })
export class LedgerLine {
  @Field(() => DateScalar, { description: 'Entry date.' })
  date!: string;

  @Field(() => DecimalScalar, { description: 'Debit amount.' })
  debit!: Cents;

  @Field(() => DecimalScalar, { description: 'Credit amount.' })
  credit!: Cents;

  @Field(() => DecimalScalar, {
    description: 'openingBalance plus every line up to this one (debit − credit).',
  })
  runningBalance!: Cents;

  @Field(() => String, { nullable: true, description: 'The line label.' })
  label!: string | null;

  @Field(() => Journal, { description: 'The journal of the entry.' })
  journal!: Journal;

  @Field(() => Movement, { nullable: true, description: 'The movement, where the provider lists movements.' })
  movement!: unknown;

  @Field(() => Entry, {
    nullable: true,
    description: 'The entry holding the line (looked up only when selected).',
  })
  entry!: unknown;
}

@ObjectType({ description: 'One ledger line of a page, with its cursor.' })
export class LedgerEdge {
  @Field({ description: 'Opaque cursor; pass it as `after` to continue after this line.' })
  cursor!: string;

  @Field(() => LedgerLine, { description: 'The line.' })
  node!: LedgerLine;
}

@ObjectType({ description: "A page of one account's general ledger, in date order, with its balances." })
export class LedgerConnection {
  @Field(() => DecimalScalar, {
    description:
      "Balance brought forward: the account's opening entries (journal AN) and its lines of the exercise before the period (where the provider has no exercises, Pleo, only the period's own lines count).",
  })
  openingBalance!: Cents;

  @Field(() => DecimalScalar, { description: 'openingBalance plus every line of the period.' })
  closingBalance!: Cents;

  @Field(() => [LedgerEdge], { description: 'The page, in date order.' })
  edges!: LedgerEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Number of the account's lines in the period." })
  totalCount!: number;
}
