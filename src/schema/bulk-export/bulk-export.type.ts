import { Field, Int, ObjectType } from 'type-graphql';
import type { BulkExportFormat, BulkExportKind, BulkExportStatus } from '../../bulk/bulk-export.model';
import type { ProviderName } from '../../domain/model';
import { ProviderEnum } from '../common/enums';
import { Node } from '../common/node.type';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { BulkExportFormatEnum, BulkExportKindEnum, BulkExportStatusEnum } from './bulk-export.enums';
import { FecConformance } from '../ledger/fec-conformance.type';

@ObjectType({
  implements: Node,
  description:
    "A file of a company's movements or entries too large for pages, produced in the background; poll it until COMPLETED, then download it.",
})
export class BulkExport extends Node {
  @Field(() => ProviderEnum, { description: 'The provider the rows come from.' })
  provider!: ProviderName;

  @Field(() => BulkExportKindEnum, { description: 'What the file holds.' })
  kind!: BulkExportKind;

  @Field(() => BulkExportFormatEnum, { description: 'The file format.' })
  format!: BulkExportFormat;

  @Field(() => BulkExportStatusEnum, { description: 'Where the export stands.' })
  status!: BulkExportStatus;

  @Field(() => Int, { description: 'Movements or entries written so far; final once COMPLETED.' })
  rowCount!: number;

  @Field(() => DecimalScalar, {
    description: 'Sum of the debits written so far (entry lines for ENTRIES), for reconciliation.',
  })
  debitTotal!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the credits written so far, for reconciliation.' })
  creditTotal!: number;

  @Field(() => DateTimeScalar, { description: 'When the export was started.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it completed or failed.' })
  completedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The error code when FAILED (e.g. UPSTREAM_TIMEOUT).' })
  errorCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'FEC: the legal file name, <SIREN>FEC<closing date YYYYMMDD>.txt (also the download’s name).',
  })
  fileName?: string | null;

  @Field(() => FecConformance, {
    nullable: true,
    description: 'FEC, once COMPLETED: the conformance report of the file (art. A47 A-1 LPF checks).',
  })
  conformance?: FecConformance | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'FEC, once COMPLETED: lines of entries still awaiting validation (MyUnisoft drafts) left out of the file, which holds validated entries only; null for other formats.',
  })
  draftLinesLeftOut?: number | null;
}
