/**
 * Movement records built by constructors, for the paths that make one per movement (the MAD download,
 * a page read from a snapshot chunk). Not object literals: V8 pretenures a literal's allocation site
 * once enough of its objects survive scavenges (a window's first rows do), and from then on every record
 * from that site went straight to old space, which V8 then grows ×4 between full GCs (bench/notes.md).
 */
import type {
  AccountRecord,
  AnalyticAllocationRecord,
  EntryType,
  IsoDate,
  JournalRecord,
  LetteringState,
  MovementRecord,
  ProviderName,
} from './model';

export class JournalObject implements JournalRecord {
  constructor(
    public code: string,
    public label: string,
    public type: string | null,
  ) {}
}

export class AccountObject implements AccountRecord {
  constructor(
    public number: string,
    public name: string | null,
  ) {}
}

export class LetteringObject {
  constructor(
    public state: LetteringState,
    public value: string | null,
  ) {}
}

/** A MovementRecord, its fields in the interface's order. */
export class MovementObject implements MovementRecord {
  constructor(
    public provider: ProviderName,
    public companyId: string,
    public providerId: string,
    public entryId: string | null,
    public date: IsoDate,
    public accountedOn: IsoDate | null,
    public journal: JournalRecord,
    public account: AccountRecord | null,
    public description: string | null,
    public invoiceNumber: string | null,
    public dueDate: IsoDate | null,
    public debit: number,
    public credit: number,
    public amount: number,
    public currency: string | null,
    public lettering: MovementRecord['lettering'],
    public analytics: AnalyticAllocationRecord[],
    public piece: string | null,
    public entryType: EntryType | null,
  ) {}
}
