import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BulkExportRecord } from '../../bulk/bulk-export.model';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { findNodeOf } from '../node/node.service';
import { StartBulkExportInput } from './bulk-export.input';
import { bulkDownloadUrl, startBulkExport } from './bulk-export.service';
import { BulkExport } from './bulk-export.type';

@Resolver(() => BulkExport)
export class BulkExportResolver {
  @Query(() => BulkExport, {
    nullable: true,
    description: 'One bulk export by its global id; null when absent, expired or not visible.',
  })
  bulkExport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global id of the bulk export.' }) id: string,
  ) {
    return findNodeOf<BulkExportRecord>(ctx, id, ['BulkExport']);
  }

  @Mutation(() => BulkExport, {
    description:
      "Starts writing a company's movements or entries of an exercise or window to a file, in the background; poll bulkExport(id).",
  })
  startBulkExport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => StartBulkExportInput, { description: 'What to export, and how.' })
    input: StartBulkExportInput,
  ) {
    return startBulkExport(ctx, input);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id carrying type, provider and native ids.' })
  id(@Root() record: BulkExportRecord): string {
    return recordGlobalId('BulkExport', record);
  }

  @FieldResolver(() => Company, { description: 'The company exported.' })
  company(@Root() record: BulkExportRecord, @Ctx() ctx: RequestContext) {
    return loadCompany(ctx, record.provider, record.companyId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Once COMPLETED: a gateway URL streaming the file to a caller presenting an API key of the same tenant; expires with the file after a day. Served by the gateway instance that produced it.',
  })
  downloadUrl(@Root() record: BulkExportRecord, @Ctx() ctx: RequestContext): string | null {
    return bulkDownloadUrl(ctx, record);
  }
}
