import { Arg, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ACCESS_SCOPE_EXTENSION } from '../../auth/access-scope';
import type { BulkExportRecord } from '../../bulk/bulk-export.model';
import type { RequestContext } from '../../context';
import { recordGlobalId } from '../../domain/ids';
import { loadCompany } from '../common/company-of';
import { Company } from '../company/company.type';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { findNodeOf } from '../node/node.service';
import { StartBulkExportInput } from './bulk-export.input';
import { bulkDownloadLink, startBulkExport } from './bulk-export.service';
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

  @Extensions({ [ACCESS_SCOPE_EXTENSION]: 'EXPORT' })
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
      'Once COMPLETED: a gateway URL streaming the file with a plain GET (no header needed: an <a href>, curl); it carries its own signed token, valid for your tenant only, until downloadUrlExpiresAt.',
  })
  async downloadUrl(@Root() record: BulkExportRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await bulkDownloadLink(ctx, record)).downloadUrl;
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      'When downloadUrl stops working (within the hour, never after the file or the access token asking for it).',
  })
  async downloadUrlExpiresAt(
    @Root() record: BulkExportRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return (await bulkDownloadLink(ctx, record)).downloadUrlExpiresAt;
  }
}
