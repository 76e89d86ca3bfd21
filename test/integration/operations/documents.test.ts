/**
 * `CompanyDocuments`, `GetDocument` and `EntriesWithDocuments` (Inqom Documents, Documents/{id} and
 * Documents/{id}/public-url) through the gateway: the filters narrow the folder's documents as the
 * dataset says, pages chain, and every `downloadUrl` handed out really serves the document's PDF bytes.
 */
import { request } from 'undici';
import { recordGlobalId } from '../../../src/domain/ids';
import {
  CompanyDocumentsDocument,
  EntriesWithDocumentsDocument,
  GetDocumentDocument,
  type CompanyDocumentsQuery,
  type DocumentFilter,
} from '@grand-livre/sdk';
import type { GenDocument } from '../../../src/simulators/data/documents';
import { STATUS_BY_SLOT } from '../../../src/simulators/inqom/document-json';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { cents, demoCompany, walkPages } from './fixtures';

type DocumentNode = NonNullable<CompanyDocumentsQuery['company']>['documents']['edges'][number]['node'];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const inqom = () => demoCompany(stack.sims, 'inqom');
const isDone = (doc: GenDocument) => STATUS_BY_SLOT[doc.index % 12] === undefined;

async function allDocuments(filter: DocumentFilter | null, first = 5) {
  return walkPages<DocumentNode>(async (after) => {
    const data = dataOf(
      await runOperation(stack, CompanyDocumentsDocument, { companyId: inqom().id, filter, first, after }),
    );
    if (!data.company) throw new Error('company not found');
    return data.company.documents;
  });
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await request(url);
  expect(response.statusCode).toBe(200);
  return Buffer.from(await response.body.arrayBuffer());
}

describe('CompanyDocuments', () => {
  it("lists the folder's documents across pages with their checksum, amount and counterparty", async () => {
    const { gen } = inqom();
    const { nodes, pages } = await allDocuments(null);
    expect(pages).toBe(Math.ceil(gen.documents.length / 5));
    expect(nodes.map((d) => d.name).sort()).toEqual(gen.documents.map((d) => d.name).sort());
    const [first] = gen.documents;
    if (!first) throw new Error('no document');
    const firstId = recordGlobalId('Document', {
      provider: 'INQOM',
      companyId: gen.id,
      providerId: first.id,
    });
    for (const doc of gen.documents) {
      const node = nodes.find((n) => n.name === doc.name);
      // The simulator's duplicates repeat their original's bytes, hence its checksum.
      const duplicate = node?.status === 'DUPLICATE';
      expect(node).toMatchObject({
        checksum: duplicate ? first.checksum : doc.checksum,
        counterParty: doc.counterParty,
      });
      expect(node?.duplicateOf).toEqual(duplicate ? { id: firstId } : null);
      expect(cents(node?.amount ?? 'none')).toBe(doc.amount);
    }
    expect(nodes.filter((n) => n.status === 'DUPLICATE').length).toBeGreaterThan(0);
  });

  it.each<[string, DocumentFilter, (doc: GenDocument) => boolean]>([
    ['type', { type: 'PURCHASE_INVOICE' }, (d) => d.type === 'Supplier'],
    ['status', { status: 'DONE' }, isDone],
    [
      'creation window',
      { createdFrom: '2026-02-01', createdTo: '2026-06-30' },
      (d) => d.createdAt >= '2026-02-01' && d.createdAt < '2026-07-01',
    ],
    [
      'all three',
      { type: 'SALES_INVOICE', status: 'DONE', createdFrom: '2026-01-01', createdTo: '2026-12-31' },
      (d) => d.type === 'Client' && isDone(d),
    ],
  ])('filters by %s', async (_name, filter, keep) => {
    const expected = inqom().gen.documents.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    const { nodes } = await allDocuments(filter, 3);
    expect(nodes.map((n) => n.name).sort()).toEqual(expected.map((d) => d.name).sort());
  });
});

describe('GetDocument', () => {
  it('gives a document whose downloadUrl serves its PDF bytes', async () => {
    const { gen } = inqom();
    const doc = gen.documents[0];
    if (!doc) throw new Error('no document');
    const id = recordGlobalId('Document', { provider: 'INQOM', companyId: gen.id, providerId: doc.id });
    const data = dataOf(await runOperation(stack, GetDocumentDocument, { id }));
    if (data.node?.__typename !== 'Document') throw new Error('not a document');
    expect(data.node).toMatchObject({ id, name: doc.name, checksum: doc.checksum });
    const bytes = await fetchBytes(data.node.downloadUrl ?? 'missing');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.equals(doc.bytes)).toBe(true);
  });

  it('asks Inqom for a public URL only when downloadUrl is selected', async () => {
    const { id } = inqom();
    stack.sims.resetRequests();
    await runOperation(stack, CompanyDocumentsDocument, { companyId: id, first: 10 });
    expect(stack.sims.simulators.inqom.requests.filter((r) => r.path.endsWith('/public-url'))).toEqual([]);
  });
});

describe('EntriesWithDocuments', () => {
  it("serves every attached document's bytes through its downloadUrl", async () => {
    const { gen, id } = inqom();
    const data = dataOf(
      await runOperation(stack, EntriesWithDocumentsDocument, {
        companyId: id,
        filter: { from: '2026-01-01', to: '2026-12-31' },
        first: 50,
      }),
    );
    const documents = (data.company?.entries.edges ?? []).flatMap((e) => e.node.documents);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      const generated = gen.documents.find((d) => d.name === document.name);
      expect(document.checksum).toBe(generated?.checksum);
      expect(
        (await fetchBytes(document.downloadUrl ?? 'missing')).equals(generated?.bytes ?? Buffer.alloc(0)),
      ).toBe(true);
    }
  });
});
