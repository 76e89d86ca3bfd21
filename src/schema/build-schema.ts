/** Builds the executable GraphQL schema from the type-graphql resolvers. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { BulkExportResolver } from './bulk-export/bulk-export.resolver';
import { CompanyResolver } from './company/company.resolver';
import { CompanyDocumentsResolver, DocumentResolver } from './document/document.resolver';
import { DocumentMutationResolver } from './document/document.mutation';
import { CompanyEntriesResolver, EntryResolver } from './entry/entry.resolver';
import { CompanyExercisesResolver, ExerciseResolver } from './exercise/exercise.resolver';
import { CompanyExportJobsResolver, ExportJobResolver } from './export-job/export-job.resolver';
import {
  CompanyMovementsResolver,
  ExerciseMovementsResolver,
  MovementResolver,
} from './movement/movement.resolver';
import { NodeResolver } from './node/node.resolver';

export const RESOLVERS = [
  CompanyResolver,
  CompanyExercisesResolver,
  CompanyEntriesResolver,
  CompanyMovementsResolver,
  CompanyDocumentsResolver,
  CompanyExportJobsResolver,
  ExerciseResolver,
  ExerciseMovementsResolver,
  EntryResolver,
  MovementResolver,
  DocumentResolver,
  DocumentMutationResolver,
  ExportJobResolver,
  NodeResolver,
  BulkExportResolver,
] as const;

export function buildGrandLivreSchema(): Promise<GraphQLSchema> {
  // Inputs are validated with zod in each domain's *.validation.ts, not class-validator.
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
