import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, ExerciseRecord } from '../../domain/model';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { defineCompanyListField } from '../fields/list-field';
import { companyExercises } from './exercise.service';
import { Exercise } from './exercise.type';

@Resolver(() => Exercise)
export class ExerciseResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() exercise: ExerciseRecord): string {
    return recordGlobalId('Exercise', exercise);
  }

  @FieldResolver(() => Company, { description: 'The company the exercise belongs to.' })
  company(@Root() exercise: ExerciseRecord, @Ctx() ctx: RequestContext) {
    return loadCompany(ctx, exercise.provider, exercise.companyId);
  }
}

const companyExercisesField = defineCompanyListField({
  field: 'exercises',
  capability: 'EXERCISES',
  readAhead: true,
  validate: () => ({}),
  fetch: (ctx, company) => companyExercises(ctx, company),
});

@Resolver(() => Company)
export class CompanyExercisesResolver {
  @FieldResolver(() => [Exercise], {
    description: "The company's exercises; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  exercises(@Root() company: CompanyRecord, @Ctx() ctx: RequestContext): Promise<ExerciseRecord[]> {
    return companyExercisesField.resolve(ctx, company, {});
  }
}
