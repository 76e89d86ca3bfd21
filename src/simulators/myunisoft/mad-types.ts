/**
 * MyUnisoft Accounting Data (MAD) v1.0.0 payloads. `@myunisoft/tsd` only covers the legacy (Windev)
 * API, so these follow the MAD specs of MyUnisoft's public partner docs (api-partenaires).
 */
export type MadAttachment = { type: 'URL' | 'File' | 'Base64'; value: string };
export type MadAttachments = Record<string, MadAttachment>;

export type MadLettering =
  | { state: 'complete'; value: string }
  | { state: 'partial'; value: `*${string}` }
  | { state: 'none'; value: null };

export interface MadAnalytics {
  producerId: string;
  code: string;
  name: string;
  sections: { producerId: string; amount: number; rate: number; code: string; name: string }[];
}

export interface MadJournalRef {
  producerId: string;
  customerReferenceCode: string;
  name: string;
  type: string;
}

export interface MadSimplifiedAccount {
  producerId: string | null;
  number: string | null;
  name: string | null;
}

export interface MadEntryProperties {
  source: { name: string; thirdParty: string | null };
  partnerMetadata: { partnerId: string; json: string | null } | null;
  comment: string | null;
  /** Unix seconds. */
  createdAt: number;
  accountedAt: string | null;
}

interface MadMovementBase {
  producerId: string;
  description: string;
  dueDate: string | null;
  freeNumber: string | null;
  invoiceNumber: string | null;
  value: { credit: number; debit: number; amount: number };
  attachments: MadAttachments;
  account: MadSimplifiedAccount | null;
  payment: { producerId: string; name: string | null; code: string | null } | null;
  analytics: MadAnalytics[];
  lettering: MadLettering;
}

/** One row of `GET /mad/movements`: the movement with its entry as a sub-object. */
export interface MadMovement extends MadMovementBase {
  entry: {
    producerId: string;
    date: string;
    dueDate: string | null;
    currency: { code: string };
    journal: MadJournalRef;
    additionalProducerProperties: MadEntryProperties;
    attachments: MadAttachments;
  };
}

/** One entry of `GET /mad/entries` and `GET /mad/entry`. */
export interface MadEntry {
  producerId: string;
  attachments: MadAttachments;
  currency: { code: string };
  date: string;
  dueDate: string | null;
  journal: MadJournalRef;
  movements: MadMovementBase[];
  additionalProducerProperties: MadEntryProperties;
}

export interface MadJournal {
  producerId: string;
  name: string;
  customerReferenceCode: string;
  type: string;
  counterpartAccount: MadSimplifiedAccount | null;
  additionalProducerProperties: { type: string; locked: boolean };
}

export type MadAccount = MadSimplifiedAccount &
  (
    | { correspondanceAccount: MadSimplifiedAccount | null }
    | {
        company: {
          name: string | null;
          SIREN: string | null;
          CEO: string | null;
          payment: null;
          address: null;
          ape: null;
          contacts: never[];
        };
      }
  );

export interface MadExercice {
  producerId: string;
  name: string;
  period: { start: string; end: string; duration: number; closed: null | { at: string; by: string | null } };
  state: 'open' | 'closed';
  additionalProducerProperties: { lettering: 'MONO' | 'MULTI' };
}

export interface MadBalanceLine {
  number: string;
  name: string;
  balance: number;
}
