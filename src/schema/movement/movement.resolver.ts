import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, ExerciseRecord, MovementRecord } from '../../domain/model';
import { BadUserInputError } from '../../errors';
import { parsePageArgs } from '../common/pagination.validation';
import { Company } from '../company/company.type';
import { Entry } from '../entry/entry.type';
import { Exercise } from '../exercise/exercise.type';
import { MovementFilterInput } from './movement.input';
import { movementsConnection } from './movement.service';
import { Movement, MovementConnection } from './movement.type';
import { validateMovementFilter } from './movement.validation';

const filterArg = {
  nullable: true,
  description: 'An exercise or a from/to window of at most 12 months.',
} as const;
const firstArg = { nullable: true, description: 'Page size: default 50, at most 500.' } as const;
const afterArg = { nullable: true, description: 'Cursor of the edge to continue after.' } as const;

@Resolver(() => Movement)
export class MovementResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() movement: MovementRecord): string {
    return recordGlobalId('Movement', movement);
  }

  @FieldResolver(() => Entry, {
    nullable: true,
    description: 'The entry the movement belongs to, when known.',
  })
  async entry(@Root() movement: MovementRecord, @Ctx() ctx: RequestContext) {
    if (!movement.entryId) return null;
    return ctx.nodes.load({
      type: 'Entry',
      provider: movement.provider,
      companyId: movement.companyId,
      nativeId: movement.entryId,
    });
  }
}

@Resolver(() => Company)
export class CompanyMovementsResolver {
  @FieldResolver(() => MovementConnection, {
    description: "A page of the company's movements; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  movements(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MovementFilterInput, filterArg) filter?: MovementFilterInput | null,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    return movementsConnection(ctx, company, validateMovementFilter(filter), parsePageArgs(first, after));
  }
}

@Resolver(() => Exercise)
export class ExerciseMovementsResolver {
  @FieldResolver(() => MovementConnection, {
    description: "A page of the exercise's movements (the filter may not name another exercise or a window).",
  })
  movements(
    @Root() exercise: ExerciseRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MovementFilterInput, filterArg) filter?: MovementFilterInput | null,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    if (filter?.exerciseId)
      throw new BadUserInputError('filter.exerciseId: the exercise is already given.', 'filter.exerciseId');
    const valid = validateMovementFilter({ ...filter, exerciseId: recordGlobalId('Exercise', exercise) });
    // The company is named by the exercise: no need to fetch it.
    const company = { provider: exercise.provider, providerId: exercise.companyId };
    return movementsConnection(ctx, company, valid, parsePageArgs(first, after));
  }
}
