/** The bulk export enums; their values are the bulk model's literals, so records pass through as-is. */
import { registerEnumType } from 'type-graphql';
import type { BulkExportFormat, BulkExportKind, BulkExportStatus } from '../../bulk/bulk-export.model';

export const BulkExportKindEnum: { [K in BulkExportKind]: K } = {
  MOVEMENTS: 'MOVEMENTS',
  ENTRIES: 'ENTRIES',
};
export const BulkExportFormatEnum: { [K in BulkExportFormat]: K } = {
  JSONL: 'JSONL',
  CSV: 'CSV',
  FEC: 'FEC',
};
export const BulkExportStatusEnum: { [K in BulkExportStatus]: K } = {
  CREATED: 'CREATED',
  RUNNING: 'RUNNING',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  EXPIRED: 'EXPIRED',
};

registerEnumType(BulkExportKindEnum, {
  name: 'BulkExportKind',
  description: 'What a bulk export holds.',
  valuesConfig: {
    MOVEMENTS: { description: 'Movements (entry lines with lettering and analytics), one row each.' },
    ENTRIES: { description: 'Entries with their lines (in CSV, one row per line).' },
  },
});

registerEnumType(BulkExportFormatEnum, {
  name: 'BulkExportFormat',
  description: 'The file format of a bulk export.',
  valuesConfig: {
    JSONL: {
      description: 'One JSON object per line, shaped like the GraphQL type, amounts as Decimal strings.',
    },
    CSV: { description: 'RFC 4180 CSV with a header row, UTF-8.' },
    FEC: {
      description:
        'The legal Fichier des Écritures Comptables (art. A47 A-1 LPF) of kind ENTRIES, from any provider with entries or movements, named <SIREN>FEC<closing date>.txt, with a conformance report once complete.',
    },
  },
});

registerEnumType(BulkExportStatusEnum, {
  name: 'BulkExportStatus',
  description: 'Where a bulk export stands.',
  valuesConfig: {
    CREATED: { description: 'Accepted, waiting for a slot.' },
    RUNNING: { description: 'Streaming rows from the provider to the file.' },
    COMPLETED: { description: 'The file is ready (see downloadUrl); totals are final.' },
    FAILED: {
      description: 'Stopped (see errorCode: GATEWAY_RESTARTED when its instances kept dying); no file.',
    },
    EXPIRED: { description: 'It had completed, but its file is gone (past its lifetime or deleted).' },
  },
});
