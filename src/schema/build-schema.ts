/** Builds the executable GraphQL schema from the type-graphql resolvers. */
import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, isInterfaceType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessTokenResolver } from './access-token/access-token.resolver';
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
import { resolveNodeType } from './common/node.type';
import { assertListFieldsDeclared } from './fields/declared-fields';
import { assertEveryNodeTypeFetchable } from './node/node-fetchers';
import { NodeResolver } from './node/node.resolver';
import { CompanyLedgerResolver } from './ledger/company-ledger.resolver';
import { LedgerLineResolver } from './ledger/ledger-line.resolver';
import { ExportFileConformanceResolver } from './ledger/export-file-conformance.resolver';

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
  AccessTokenResolver,
  CompanyLedgerResolver,
  LedgerLineResolver,
  ExportFileConformanceResolver,
] as const;

type ResolverClass = Parameters<typeof buildSchema>[0]['resolvers'][number];

/** Types whose list fields each need a field spec (defineListField). */
export const LIST_FIELD_PARENTS = ['Company', 'Exercise'] as const;

const ROOT_DESCRIPTIONS = {
  query:
    'Read the accounting data of the companies your API key may see, across Jepilote, MyUnisoft, Inqom and Pleo. Authenticate with the header `Authorization: Bearer <api key>` (servers) or `Bearer <access token>` (browsers: see createAccessToken).',
  mutation:
    'Start export jobs and bulk exports, upload documents and create expense bills at the providers; mint access tokens for browsers. Each provider mutation takes an optional `idempotencyKey`: a retry with the same key and input returns the first outcome instead of acting twice.',
} as const;

/** type-graphql has no option for the root types' descriptions, which GraphiQL's docs explorer opens on. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const roots = [config.query, config.mutation];
  const query = config.query
    ? new GraphQLObjectType({ ...config.query.toConfig(), description: ROOT_DESCRIPTIONS.query })
    : undefined;
  const mutation = config.mutation
    ? new GraphQLObjectType({ ...config.mutation.toConfig(), description: ROOT_DESCRIPTIONS.mutation })
    : undefined;
  const types = config.types.filter((type) => !roots.includes(type as GraphQLObjectType));
  return new GraphQLSchema({ ...config, query, mutation, types });
}

/** The schema of RESOLVERS plus `extraResolvers` (tests adding a field in a fixture); default none. */
export async function buildGrandLivreSchema(
  extraResolvers: readonly ResolverClass[] = [],
): Promise<GraphQLSchema> {
  assertEveryNodeTypeFetchable();
  // Inputs are validated with zod in each domain's *.validation.ts, not class-validator.
  const schema = describeRootTypes(
    await buildSchema({
      resolvers: [...RESOLVERS, ...extraResolvers] as Parameters<typeof buildSchema>[0]['resolvers'],
      validate: false,
    }),
  );
  assertListFieldsDeclared(schema, LIST_FIELD_PARENTS);
  // type-graphql wraps resolveType in an async function, which compiled plans cannot await.
  const node = schema.getType('Node');
  if (isInterfaceType(node)) node.resolveType = resolveNodeType;
  return schema;
}
