/** A minimal MyUnisoft movement for the bulk tests: `debit`/`credit` in cents, the rest overridable. */
import type { MovementRecord } from '../../../src/domain/model';

export function movementRecord(
  i: number,
  debit: number,
  credit: number,
  overrides: Partial<MovementRecord> = {},
): MovementRecord {
  return {
    provider: 'MYUNISOFT',
    companyId: '1',
    providerId: String(i),
    entryId: null,
    date: '2026-01-01',
    accountedOn: '2026-01-01',
    journal: { code: 'OD', label: 'OD', type: null },
    account: null,
    description: null,
    invoiceNumber: null,
    dueDate: null,
    debit,
    credit,
    amount: credit - debit,
    currency: null,
    lettering: null,
    analytics: [],
    piece: null,
    entryType: 'ENTRY',
    ...overrides,
  };
}
