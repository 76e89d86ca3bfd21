/**
 * A relayed FEC (Jepilote's export file) gets the same conformance report as the FECs Grand Livre
 * writes: the file is streamed from the provider and checked record by record, only when selected.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { checkFecStream, type FecConformanceReport } from '../../fec/conformance';
import { ExportFile } from '../export-job/export-job.type';
import { FecConformance } from './fec-conformance.type';

@Resolver(() => ExportFile)
export class ExportFileConformanceResolver {
  @FieldResolver(() => FecConformance, {
    nullable: true,
    description:
      "For a FEC file: Grand Livre's conformance report of the provider's file (one download, when selected); null for other formats.",
  })
  async conformance(
    @Root() file: ExportFile,
    @Ctx() ctx: RequestContext,
  ): Promise<FecConformanceReport | null> {
    const job = file.job;
    const downloadRef = job?.file?.downloadRef;
    if (!job || job.format !== 'FEC' || !downloadRef) return null;
    const session = ctx.companySession(job.provider, job.companyId);
    if (!session.downloadExportFile) return null;
    const download = await session.downloadExportFile(job.companyId, downloadRef);
    // Jepilote has no exercises: the name's date is checked as a closing date (see conformance.ts).
    return checkFecStream(download.body, { fileName: job.file?.name ?? download.fileName, exercise: null });
  }
}
