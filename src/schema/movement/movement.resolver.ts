import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, ExerciseRecord, MovementRecord } from '../../domain/model';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField, defineListField, type CompanyRef } from '../fields/list-field';
import { Company } from '../company/company.type';
import { Entry } from '../entry/entry.type';
import { Exercise } from '../exercise/exercise.type';
import { MovementFilterInput } from './movement.input';
import { movementsConnection } from './movement.service';
import { Movement, MovementConnection } from './movement.type';
import { validateExerciseMovementFilter, validateMovementFilter } from './movement.validation';

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

const companyMovements = defineCompanyListField({
  field: 'movements',
  capability: 'MOVEMENTS',
  readAhead: true,
  validate: (args) => ({ filter: validateMovementFilter(args.filter), page: pageArgsOf(args) }),
  fetch: (ctx, company, { filter, page }) => movementsConnection(ctx, company, filter, page),
});

// The company is named by the exercise: no need to fetch it.
const companyOfExercise = (exercise: ExerciseRecord): CompanyRef => ({
  provider: exercise.provider,
  providerId: exercise.companyId,
});

const exerciseMovements = defineListField({
  parentType: 'Exercise',
  field: 'movements',
  capability: 'MOVEMENTS',
  companyOf: companyOfExercise,
  parentIdOf: (exercise: ExerciseRecord) => exercise.providerId,
  validate: (args) => ({ filter: validateExerciseMovementFilter(args.filter), page: pageArgsOf(args) }),
  fetch: (ctx, exercise, { filter, page }) =>
    movementsConnection(
      ctx,
      companyOfExercise(exercise),
      { ...filter, exerciseId: recordGlobalId('Exercise', exercise) },
      page,
    ),
});

@Resolver(() => Company)
export class CompanyMovementsResolver {
  @FieldResolver(() => MovementConnection, {
    description: "A page of the company's movements; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  movements(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MovementFilterInput, filterArg) filter?: MovementFilterInput | null,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    return companyMovements.resolve(ctx, company, { filter, first, after }, info.path);
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
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MovementFilterInput, filterArg) filter?: MovementFilterInput | null,
    @Arg('first', () => Int, firstArg) first?: number | null,
    @Arg('after', () => String, afterArg) after?: string | null,
  ) {
    return exerciseMovements.resolve(ctx, exercise, { filter, first, after }, info.path);
  }
}
