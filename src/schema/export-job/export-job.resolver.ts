import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ACCESS_SCOPE_EXTENSION } from '../../auth/access-scope';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import type { CompanyRecord, ExportJobRecord } from '../../domain/model';
import { requireMethod } from '../capabilities';
import { loadCompany } from '../common/company-of';
import { listConnection } from '../common/list-connection';
import { pageArgsOf } from '../common/pagination.validation';
import { defineCompanyListField } from '../fields/list-field';
import { Company } from '../company/company.type';
import { findNodeOf } from '../node/node.service';
import { CreateExportJobInput } from './export-job.input';
import { UpdateExportJobItemsInput, UpdateExportJobStatusInput } from './export-job-lifecycle.input';
import { updateExportJobItems, updateExportJobStatus } from './export-job-lifecycle.service';
import { ExportJobItemsUpdate } from './export-job-lifecycle.type';
import { createExportJob, exportDownloadLink, exportJobErrors } from './export-job.service';
import { ExportFile, ExportJob, ExportJobConnection } from './export-job.type';

@Resolver(() => ExportJob)
export class ExportJobResolver {
  @Query(() => ExportJob, {
    nullable: true,
    description: 'One export job by its global id; null when absent or not visible.',
  })
  exportJob(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global id of the export job.' }) id: string,
  ) {
    return findNodeOf<ExportJobRecord>(ctx, id, ['ExportJob']);
  }

  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'EXPORT' })
  @Mutation(() => ExportJob, {
    description: 'Starts an export (Jepilote FEC/ACD file, Pleo export job of chosen entries).',
  })
  createExportJob(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateExportJobInput, { description: 'What to export.' }) input: CreateExportJobInput,
  ) {
    return createExportJob(ctx, input);
  }

  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'EXPORT' })
  @Mutation(() => ExportJob, {
    description:
      "Reports an accounting integration's progress on an export job (Pleo: STARTED, then COMPLETED …) and returns the job as read back after it; UNSUPPORTED_BY_PROVIDER without EXPORT_JOB_LIFECYCLE.",
  })
  updateExportJobStatus(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateExportJobStatusInput, { description: 'The job and its event.' })
    input: UpdateExportJobStatusInput,
  ) {
    return updateExportJobStatus(ctx, input);
  }

  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'EXPORT' })
  @Mutation(() => ExportJobItemsUpdate, {
    description:
      "Sets the status of up to 100 of an export job's entries (Pleo's item update); entries not in the job come back in errors.",
  })
  updateExportJobItems(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateExportJobItemsInput, { description: 'The job and its item updates.' })
    input: UpdateExportJobItemsInput,
  ) {
    return updateExportJobItems(ctx, input);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() job: ExportJobRecord): string {
    return recordGlobalId('ExportJob', job);
  }

  @FieldResolver(() => Company, { description: 'The company exported.' })
  company(@Root() job: ExportJobRecord, @Ctx() ctx: RequestContext) {
    return loadCompany(ctx, job.provider, job.companyId);
  }

  @FieldResolver(() => [String], { description: 'Errors of individual items (empty when none).' })
  errors(@Root() job: ExportJobRecord, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return exportJobErrors(ctx, job);
  }

  @FieldResolver(() => ExportFile, { nullable: true, description: 'The produced file, once there is one.' })
  async file(@Root() job: ExportJobRecord, @Ctx() ctx: RequestContext): Promise<ExportFile | null> {
    if (!job.file) return null;
    return { name: job.file.name, url: job.file.url, ...(await exportDownloadLink(ctx, job)), job };
  }
}

const companyExportJobs = defineCompanyListField({
  field: 'exportJobs',
  capability: 'EXPORT_JOBS',
  validate: pageArgsOf,
  fetch: (ctx, company, page) =>
    listConnection(ctx, company, {
      name: 'exportJobs',
      filter: null,
      args: page,
      fetch: (session, request) =>
        requireMethod(session, 'listExportJobs', 'EXPORT_JOBS')(company.providerId, request),
    }),
});

@Resolver(() => Company)
export class CompanyExportJobsResolver {
  @FieldResolver(() => ExportJobConnection, {
    description: "A page of the company's export jobs; UNSUPPORTED_BY_PROVIDER when its provider has none.",
  })
  exportJobs(
    @Root() company: CompanyRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 50, at most 500.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
    after?: string | null,
  ) {
    return companyExportJobs.resolve(ctx, company, { first, after }, info.path);
  }
}
