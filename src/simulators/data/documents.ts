/** Generated accounting documents: small but real PDF files whose bytes depend only on the seed. */
import { createHash } from 'node:crypto';
import { Prng } from './prng';
import { SUPPLIERS, CUSTOMERS } from './chart';

export type GenDocumentType = 'Client' | 'Supplier' | 'Others';

export interface GenDocument {
  id: string;
  companyId: string;
  index: number;
  name: string;
  type: GenDocumentType;
  /** ISO instant of creation (upload). */
  createdAt: string;
  counterParty: string;
  /** TTC in cents extracted from the document. */
  amount: number;
  effectiveDate: string;
  bytes: Buffer;
  /** SHA-1 of the bytes, upper-case hex, as Inqom shows it. */
  checksum: string;
}

/** A minimal, valid one-page PDF showing `lines` of text. */
export function makePdf(lines: string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${l.replace(/[()\\]/g, '')}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const sha1Upper = (bytes: Buffer): string =>
  createHash('sha1').update(bytes).digest('hex').toUpperCase();

export function generateDocuments(
  seed: number,
  companyId: string,
  idBase: number,
  count: number,
  year: number,
): GenDocument[] {
  return Array.from({ length: count }, (_, index) => {
    const rng = Prng.derive(seed, 'document', companyId, index);
    const type: GenDocumentType = rng.pick(['Supplier', 'Supplier', 'Client', 'Others'] as const);
    const counterParty = type === 'Client' ? rng.pick(CUSTOMERS) : rng.pick(SUPPLIERS);
    const amount = rng.int(1_200, 600_000);
    const month = String(1 + (index % 12)).padStart(2, '0');
    const effectiveDate = `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const id = String(idBase + index);
    const name = `Facture_${type === 'Client' ? 'FV' : 'FR'}${id}.pdf`;
    const bytes = makePdf([
      `Facture ${id}`,
      `${type === 'Client' ? 'Client' : 'Fournisseur'}: ${counterParty}`,
      `Date: ${effectiveDate}`,
      `Total TTC: ${(amount / 100).toFixed(2)} EUR`,
    ]);
    return {
      id,
      companyId,
      index,
      name,
      type,
      counterParty,
      amount,
      effectiveDate,
      bytes,
      checksum: sha1Upper(bytes),
      createdAt: `${effectiveDate}T${String(rng.int(7, 19)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
    };
  });
}
