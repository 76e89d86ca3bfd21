/** What the Jepilote simulator remembers: login tokens, exported flags and generated export files. */
import { randomBytes } from 'node:crypto';
import { demoCredentials } from '../credentials';
import type { DemoOwner } from '../credentials';
import type { SimulatorDataset } from '../data/dataset';

export interface ExportFile {
  owner: DemoOwner;
  name: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface JepiloteState {
  dataset: SimulatorDataset;
  now: () => number;
  login(username: string, password: string): string | null;
  ownerOf(token: string): DemoOwner | undefined;
  /** Document ids flagged as exported, per company. */
  exported(companyId: string): Set<string>;
  files: Map<string, ExportFile>;
  /** Each flagging export that flagged documents, as tests count writes (`GET /__admin/flagging-runs`). */
  flaggingRuns: { companyId: string; flagged: number }[];
}

const ACCOUNTS: { username: string; password: string; owner: DemoOwner }[] = [
  { ...demoCredentials.jepilote.demo, owner: 'demo' },
  { ...demoCredentials.jepilote.other, owner: 'demo-other' },
];

export function createJepiloteState(dataset: SimulatorDataset, now: () => number): JepiloteState {
  const tokens = new Map<string, DemoOwner>();
  const flags = new Map<string, Set<string>>();
  return {
    dataset,
    now,
    login(username, password) {
      const account = ACCOUNTS.find((a) => a.username === username && a.password === password);
      if (!account) return null;
      const token = randomBytes(24).toString('hex');
      tokens.set(token, account.owner);
      return token;
    },
    ownerOf: (token) => tokens.get(token),
    exported(companyId) {
      const set = flags.get(companyId) ?? new Set<string>();
      flags.set(companyId, set);
      return set;
    },
    files: new Map(),
    flaggingRuns: [],
  };
}
