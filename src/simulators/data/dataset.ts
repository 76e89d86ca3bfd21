/**
 * The one deterministic generator behind the four simulators: `createDataset({ seed, scale })`
 * gives companies per provider (with the demo tenant that owns each), exercises, balanced ledgers
 * (random access, see ledger.ts) and documents with bytes. Simulators map it to their own JSON.
 */
import type { DemoOwner } from '../credentials';
import { Prng } from './prng';
import { entryAt, entriesBetween, type GenEntry, type LedgerScope } from './ledger';
import { generateDocuments, type GenDocument } from './documents';

export type SimProvider = 'jepilote' | 'myunisoft' | 'inqom' | 'pleo';

export interface GenExercise {
  id: string;
  label: string;
  startDate: string;
  endDate: string;
  closed: boolean;
  /** Unix seconds of closing, when closed. */
  closedAt: number | null;
  ledger: LedgerScope;
}

export interface GenCompany {
  provider: SimProvider;
  /** The provider's native id: an integer string, or a UUID for Pleo. */
  id: string;
  owner: DemoOwner;
  name: string;
  siren: string;
  siret: string;
  address: string;
  city: string;
  zip: string;
  /** ISO instant the company was created at the provider. */
  createdAt: string;
  exercises: GenExercise[];
  documents: GenDocument[];
}

export interface DatasetOptions {
  /** Default 42. */
  seed?: number;
  /** Multiplies entries and documents per company (default 1: 40 entries per exercise). */
  scale?: number;
  /**
   * Adds MyUnisoft society 2199 ("GRAND COMPTE SAS", owner demo) whose open exercise holds about this
   * many movements (for the large-ledger benchmark). Default 0: no such company.
   */
  bigExerciseMovements?: number;
  /**
   * Adds this many generated companies to the `demo` firm at MyUnisoft (societies 2201…) and at
   * Jepilote (companies 301…), so that their listings span pages (default 0).
   */
  extraFirmCompanies?: number;
}

export interface SimulatorDataset {
  readonly seed: number;
  readonly scale: number;
  readonly companies: readonly GenCompany[];
  companiesOf(provider: SimProvider, owner?: DemoOwner): GenCompany[];
  company(provider: SimProvider, id: string): GenCompany | undefined;
  entries(company: GenCompany, exercise: GenExercise, from?: number, to?: number): Generator<GenEntry>;
  entry(company: GenCompany, entryId: string): { exercise: GenExercise; entry: GenEntry } | undefined;
}

const NAMES: Record<SimProvider, { id: string; name: string; owner: DemoOwner; city: string }[]> = {
  jepilote: [
    { id: '143', name: 'BOULANGERIE DES ABBESSES', owner: 'demo', city: 'Paris' },
    { id: '171', name: 'MENUISERIE LEROUX SARL', owner: 'demo', city: 'Lyon' },
    { id: '188', name: 'CAFE DE LA GARE', owner: 'demo-other', city: 'Rennes' },
  ],
  myunisoft: [
    { id: '2101', name: 'SAS HORIZON CONSEIL', owner: 'demo', city: 'Paris' },
    { id: '2102', name: 'GARAGE MARTIN ET FILS', owner: 'demo', city: 'Nantes' },
    { id: '2103', name: 'CABINET DENTAIRE VOLTAIRE', owner: 'demo-other', city: 'Lille' },
  ],
  inqom: [
    { id: '11287', name: 'ATELIER LUMIERE', owner: 'demo', city: 'Bordeaux' },
    { id: '11288', name: 'TRANSPORTS RAPIDES 33', owner: 'demo', city: 'Mérignac' },
    { id: '11301', name: 'HOTEL DU NORD', owner: 'demo-other', city: 'Paris' },
  ],
  pleo: [
    { id: '', name: 'NORDIC DESIGN FRANCE', owner: 'demo', city: 'Paris' },
    { id: '', name: 'START-UP STUDIO SAS', owner: 'demo', city: 'Montpellier' },
    { id: '', name: 'AGENCE PIXEL', owner: 'demo-other', city: 'Toulouse' },
  ],
};

/** A SIREN whose Luhn checksum is valid, as real ones are. */
function siren(rng: Prng): string {
  const digits = Array.from({ length: 8 }, () => rng.int(0, 9));
  for (let check = 0; check < 10; check++) {
    const all = [...digits, check];
    const sum = all.reduce(
      (acc, d, i) => acc + (i % 2 === 1 ? ((d * 2) % 10) + Math.floor((d * 2) / 10) : d),
      0,
    );
    if (sum % 10 === 0) return all.join('');
  }
  return digits.join('') + '0';
}

const YEARS = [2024, 2025, 2026];

function buildCompany(
  seed: number,
  scale: number,
  provider: SimProvider,
  spec: (typeof NAMES)[SimProvider][number],
  ordinal: number,
  movementsOverride = 0,
): GenCompany {
  const rng = Prng.derive(seed, 'company', provider, spec.name);
  const id = spec.id || rng.uuid();
  const s = siren(rng);
  const companyBase = (ordinal + 1) * 10_000_000;
  const documents = generateDocuments(seed, id, 9_500_000 + ordinal * 10_000, 12 * scale, 2026);
  const exercises = YEARS.map((year, y): GenExercise => {
    const exerciseId = String(30_000 + ordinal * 10 + y);
    const entryCount =
      movementsOverride && y === YEARS.length - 1 ? Math.ceil(movementsOverride / 2.6) : 40 * scale;
    return {
      id: exerciseId,
      label: year === 2026 ? 'N' : `N-${2026 - year}`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      closed: year < 2026,
      closedAt: year < 2026 ? Date.parse(`${year + 1}-03-31T12:00:00Z`) / 1000 : null,
      ledger: {
        seed,
        companyId: id,
        exerciseId,
        idBase: companyBase + y * 1_000_000,
        startDate: `${year}-01-01`,
        endDate: year === 2026 ? '2026-11-20' : `${year}-12-31`,
        entryCount,
        documentCount: year === 2026 ? documents.length : 0,
        journalIds: {
          purchases: `${178745 + ordinal * 10}`,
          sales: `${178746 + ordinal * 10}`,
          bank: `${178747 + ordinal * 10}`,
          misc: `${178748 + ordinal * 10}`,
        },
      },
    };
  });
  return {
    provider,
    id,
    owner: spec.owner,
    name: spec.name,
    siren: s,
    siret: `${s}000${rng.int(10, 99)}`,
    address: `${rng.int(1, 120)} rue de la République`,
    city: spec.city,
    zip: String(rng.int(10, 95) * 1000 + rng.int(0, 99)).padStart(5, '0'),
    createdAt: `20${rng.int(10, 22)}-${String(rng.int(1, 12)).padStart(2, '0')}-15T00:00:00.000Z`,
    exercises,
    documents,
  };
}

export function createDataset(options: DatasetOptions = {}): SimulatorDataset {
  const seed = options.seed ?? 42;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const companies: GenCompany[] = [];
  let ordinal = 0;
  for (const provider of Object.keys(NAMES) as SimProvider[]) {
    for (const spec of NAMES[provider]) companies.push(buildCompany(seed, scale, provider, spec, ordinal++));
  }
  if (options.bigExerciseMovements) {
    companies.push(
      buildCompany(
        seed,
        scale,
        'myunisoft',
        { id: '2199', name: 'GRAND COMPTE SAS', owner: 'demo', city: 'Paris' },
        ordinal++,
        options.bigExerciseMovements,
      ),
    );
  }
  for (let i = 0; i < (options.extraFirmCompanies ?? 0); i++) {
    const spec = (id: number, name: string) => ({
      id: String(id + i),
      name: `${name} ${i + 1}`,
      owner: 'demo' as const,
      city: 'Paris',
    });
    companies.push(buildCompany(seed, scale, 'myunisoft', spec(2201, 'SOCIETE CLIENTE'), ordinal++));
    companies.push(buildCompany(seed, scale, 'jepilote', spec(301, 'ENTREPRISE CLIENTE'), ordinal++));
  }
  const byKey = new Map(companies.map((c) => [`${c.provider}:${c.id}`, c]));
  return {
    seed,
    scale,
    companies,
    companiesOf: (provider, owner) =>
      companies.filter((c) => c.provider === provider && (!owner || c.owner === owner)),
    company: (provider, id) => byKey.get(`${provider}:${id}`),
    entries: (_company, exercise, from, to) => entriesBetween(exercise.ledger, from, to),
    entry: (company, entryId) => {
      const n = Number(entryId);
      for (const exercise of company.exercises) {
        const index = n - exercise.ledger.idBase;
        if (Number.isInteger(index) && index >= 0 && index < exercise.ledger.entryCount) {
          return { exercise, entry: entryAt(exercise.ledger, index) };
        }
      }
      return undefined;
    },
  };
}
