/** A ledger line's entry: the one it was read with (entries), else looked up by id only when selected. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { LedgerLineRecord } from '../../ledger/account-ledger';
import { Entry } from '../entry/entry.type';
import { LedgerLine } from './ledger.type';

@Resolver(() => LedgerLine)
export class LedgerLineResolver {
  @FieldResolver(() => Entry, { nullable: true, description: 'The entry holding the line.' })
  entry(@Root() line: LedgerLineRecord, @Ctx() ctx: RequestContext) {
    if (line.entry) return line.entry;
    const movement = line.movement;
    if (!movement?.entryId) return null;
    return ctx.nodes.load({
      type: 'Entry',
      provider: movement.provider,
      companyId: movement.companyId,
      nativeId: movement.entryId,
    });
  }
}
