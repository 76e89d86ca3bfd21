/**
 * Pleo identifies accounting entries by UUID; the shared generator numbers ledger entries. This index
 * is the two-way map between them: a UUID derived from (seed, company, ledger id), so the same
 * dataset always yields the same ids, and a lookup from UUID back to the ledger entry.
 */
import type { GenCompany, GenExercise, SimulatorDataset } from '../data/dataset';
import type { GenEntry } from '../data/ledger';
import { Prng } from '../data/prng';

export interface PleoEntryRef {
  uuid: string;
  ledgerId: string;
  company: GenCompany;
  exercise: GenExercise;
  index: number;
  /** Position in the company's listing (exercises in order, then ledger order): the sort key. */
  ordinal: number;
}

export class PleoEntryIndex {
  private readonly byCompany = new Map<string, PleoEntryRef[]>();
  private readonly byUuid = new Map<string, PleoEntryRef>();
  private readonly uuidByLedgerId = new Map<string, string>();
  private built = false;

  constructor(private readonly dataset: SimulatorDataset) {}

  /** Every accounting entry of a Pleo company, oldest exercise first. */
  entriesOf(company: GenCompany): readonly PleoEntryRef[] {
    this.build();
    return this.byCompany.get(company.id) ?? [];
  }

  find(uuid: string): PleoEntryRef | undefined {
    this.build();
    return this.byUuid.get(uuid.toLowerCase());
  }

  uuidOf(company: GenCompany, ledgerId: string): string | undefined {
    this.build();
    return this.uuidByLedgerId.get(`${company.id}:${ledgerId}`);
  }

  load(ref: PleoEntryRef): GenEntry {
    const next = this.dataset.entries(ref.company, ref.exercise, ref.index, ref.index + 1).next();
    const entry = next.done ? undefined : next.value;
    if (!entry) throw new Error(`ledger entry ${ref.ledgerId} is out of range`);
    return entry;
  }

  // Built on first use: the UUIDs cost a PRNG derivation each, which large scales should not pay upfront.
  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const company of this.dataset.companiesOf('pleo')) {
      const refs: PleoEntryRef[] = [];
      for (const exercise of company.exercises) {
        for (let index = 0; index < exercise.ledger.entryCount; index++) {
          const ledgerId = String(exercise.ledger.idBase + index);
          const uuid = Prng.derive(this.dataset.seed, 'pleo-entry', company.id, ledgerId).uuid();
          const ref: PleoEntryRef = { uuid, ledgerId, company, exercise, index, ordinal: refs.length };
          refs.push(ref);
          this.byUuid.set(uuid, ref);
          this.uuidByLedgerId.set(`${company.id}:${ledgerId}`, uuid);
        }
      }
      this.byCompany.set(company.id, refs);
    }
  }
}
