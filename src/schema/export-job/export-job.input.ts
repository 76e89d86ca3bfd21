import { Field, ID, InputType } from 'type-graphql';
import type { ExportFormat } from '../../domain/model';
import { ExportFormatEnum } from '../common/enums';
import { DateScalar } from '../scalars/date.scalar';

@InputType({ description: 'An export to start. Jepilote needs format (FEC or ACD); Pleo needs entryIds.' })
export class CreateExportJobInput {
  @Field(() => ID, { description: 'Global id of the company.' })
  companyId!: string;

  @Field(() => ExportFormatEnum, { nullable: true, description: 'File format (required by Jepilote).' })
  format?: ExportFormat | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Global ids of entries of the company to export (required by Pleo).',
  })
  entryIds?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day exported (provider default when absent).',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day exported (provider default when absent).',
  })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include documents already exported.' })
  includeAlreadyExported?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Flag the exported documents so later exports skip them.',
  })
  markAsExported?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-mail address the provider notifies when the export is ready.',
  })
  notifyEmail?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Pleo only: the Pleo user (UUID) starting the export; read back as the job's createdBy.",
  })
  employeeId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Pleo only: started by a user (default true) or in the background (false).',
  })
  isInteractive?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Pleo only (its options.vendorBasedBookkeeping): items carry vendor and bookkeeping data (default false).',
  })
  vendorBasedBookkeeping?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key and input return the first job instead of starting another.',
  })
  idempotencyKey?: string | null;
}
