/** A slice of the French chart of accounts (PCG) and the journals the generated ledgers use. */
export interface GenAccount {
  number: string;
  name: string;
}

export const ACCOUNTS = {
  supplier: { number: '401000', name: 'FOURNISSEURS' },
  customer: { number: '411000', name: 'CLIENTS' },
  vatDeductible: { number: '445660', name: 'TVA DEDUCTIBLE SUR ABS' },
  vatCollected: { number: '445710', name: 'TVA COLLECTEE' },
  bank: { number: '512000', name: 'BANQUE' },
  bankFees: { number: '627000', name: 'SERVICES BANCAIRES' },
  sales: { number: '706000', name: 'PRESTATIONS DE SERVICES' },
  goodsSales: { number: '707000', name: 'VENTES DE MARCHANDISES' },
  expenses: [
    { number: '606100', name: 'FOURNITURES NON STOCKABLES' },
    { number: '613200', name: 'LOCATIONS IMMOBILIERES' },
    { number: '622610', name: 'HONORAIRES COMPTABLES' },
    { number: '625100', name: 'VOYAGES ET DEPLACEMENTS' },
    { number: '625700', name: 'RECEPTIONS' },
    { number: '626000', name: 'FRAIS POSTAUX ET TELECOM' },
  ],
} as const satisfies Record<string, GenAccount | readonly GenAccount[]>;

export interface GenJournal {
  id: string;
  /** The firm's own code (`customerReferenceCode`). */
  code: string;
  label: string;
  /** MyUnisoft's journal type name. */
  type: 'Achat' | 'Vente' | 'Banque' | 'OD';
  /** MyUnisoft's internal type code. */
  typeCode: 'ACH' | 'VTE' | 'BQ' | 'OD';
}

export const JOURNALS: Record<'purchases' | 'sales' | 'bank' | 'misc', Omit<GenJournal, 'id'>> = {
  purchases: { code: 'AC', label: "JOURNAL D'ACHATS", type: 'Achat', typeCode: 'ACH' },
  sales: { code: 'VT', label: 'JOURNAL DES VENTES', type: 'Vente', typeCode: 'VTE' },
  bank: { code: 'BQ', label: 'BANQUE', type: 'Banque', typeCode: 'BQ' },
  misc: { code: 'OD', label: 'OPERATIONS DIVERSES', type: 'OD', typeCode: 'OD' },
};

export const SUPPLIERS = [
  'MC DONALDS',
  'SNCF',
  'ORANGE',
  'OVH',
  'BUREAU VALLEE',
  'AIR FRANCE',
  'LA POSTE',
  'FOXINTELLIGENCE',
  'CABINET DURAND',
  'FONCIA',
];
export const CUSTOMERS = [
  'ACME SAS',
  'BOULANGERIE MARTIN',
  'TECHNO SARL',
  'GARAGE DUPONT',
  'ATELIER LUMIERE',
  'HOTEL DU NORD',
];
