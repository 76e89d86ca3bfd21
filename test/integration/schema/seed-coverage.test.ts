/**
 * Every endpoint of the seed documents is reached by an operation of `schema/operations`: the table
 * maps each one (as the seed writes it) to the typed operation that reaches it, each row runs through
 * the gateway, and the simulator must record a successful call on that endpoint. The table must list
 * exactly the endpoints parsed from the seeds, so a new seed endpoint fails here until it is mapped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getOperationAST, type DocumentNode } from 'graphql';
import { request } from 'undici';
import {
  CompanyEntriesDocument,
  CompanyMovementsDocument,
  CompanyDocumentsDocument,
  CreateExpenseBillDocument,
  CreateExportJobDocument,
  GetDocumentDocument,
  ListCompaniesDocument,
  UploadDocumentDocument,
} from '@grand-livre/sdk';
import { makePdf } from '../../../src/simulators/data/documents';
import type { SimulatorName } from '../../../src/simulators/harness';
import { dataOf, runOperation, runUpload, type UploadFile } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';
import { pathPattern, seedEndpoints } from './seed-endpoints';

interface Coverage {
  /** As the seed writes it: `METHOD /path/{param}`. */
  endpoint: string;
  simulator: SimulatorName;
  /** The documented alias the connector calls, when not the seed's own path. */
  reachedAs?: string;
  operation: DocumentNode;
  /** Runs the operation (and follows a returned URL where that is what reaches the endpoint). */
  run: (stack: Stack) => Promise<void>;
}

const pdf = (): UploadFile => ({
  variablePath: 'input.file',
  bytes: makePdf([`Facture ${randomBytes(8).toString('hex')}`, 'Total TTC 60,00 EUR']),
  fileName: 'facture.pdf',
  contentType: 'application/pdf',
});

async function firstInqomDocument(stack: Stack): Promise<string> {
  const { id } = demoCompany(stack.sims, 'inqom');
  const data = dataOf(await runOperation(stack, CompanyDocumentsDocument, { companyId: id, first: 1 }));
  const document = data.company?.documents.edges[0]?.node.id;
  if (!document) throw new Error('no Inqom document');
  return document;
}

async function getDocument(stack: Stack) {
  const id = await firstInqomDocument(stack);
  stack.sims.resetRequests();
  const node = dataOf(await runOperation(stack, GetDocumentDocument, { id })).node;
  expect(node).toMatchObject({ __typename: 'Document', id, downloadUrl: expect.any(String) });
  // The public URL is asked of Inqom when the gateway link is followed.
  const url = node?.__typename === 'Document' ? node.downloadUrl : null;
  const download = await request(url ?? 'missing');
  await download.body.dump();
  expect(download.statusCode).toBe(200);
}

async function jepiloteExport(stack: Stack) {
  const input = { companyId: demoCompany(stack.sims, 'jepilote').id, format: 'FEC' as const };
  return dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
}

const TABLE: Coverage[] = [
  {
    // First in the table: the stack is fresh, so the first Inqom operation asks for a token.
    endpoint: 'POST /identity/connect/token',
    simulator: 'inqom',
    operation: ListCompaniesDocument,
    run: async (stack) =>
      void dataOf(await runOperation(stack, ListCompaniesDocument, { provider: 'INQOM' })),
  },
  {
    endpoint: 'GET /api/accounting-documents/accounting-folders/{accountingFolderId}/Documents/{id}',
    simulator: 'inqom',
    operation: GetDocumentDocument,
    run: getDocument,
  },
  {
    endpoint:
      'GET /api/accounting-documents/accounting-folders/{accountingFolderId}/Documents/{documentId}/public-url',
    simulator: 'inqom',
    operation: GetDocumentDocument,
    run: getDocument,
  },
  {
    endpoint: 'POST /api/accounting-documents/accounting-folders/{accountingFolderId}/Documents/',
    simulator: 'inqom',
    operation: UploadDocumentDocument,
    run: async (stack) => {
      const input = {
        companyId: demoCompany(stack.sims, 'inqom').id,
        type: 'PURCHASE_INVOICE' as const,
        file: null,
      };
      expect(
        dataOf(await runUpload(stack, UploadDocumentDocument, { input }, [pdf()])).uploadDocument.id,
      ).toEqual(expect.any(String));
    },
  },
  {
    endpoint: 'POST /api/v1/accounting-folders/{accountingFolderId}/expense-bills',
    simulator: 'inqom',
    operation: CreateExpenseBillDocument,
    run: async (stack) => {
      const input = {
        companyId: demoCompany(stack.sims, 'inqom').id,
        beneficiaryFullName: 'Marie Curie',
        reference: 'NDF-7',
        file: null,
      };
      const bill = dataOf(
        await runUpload(stack, CreateExpenseBillDocument, { input }, [pdf()]),
      ).createExpenseBill;
      expect(bill.id).toEqual(expect.any(String));
    },
  },
  {
    endpoint: 'GET /companies',
    simulator: 'jepilote',
    operation: ListCompaniesDocument,
    run: async (stack) => {
      const data = dataOf(await runOperation(stack, ListCompaniesDocument, { provider: 'JEPILOTE' }));
      expect(data.companies.totalCount).toBe(stack.sims.dataset.companiesOf('jepilote', 'demo').length);
    },
  },
  {
    endpoint: 'POST /export_documents',
    simulator: 'jepilote',
    operation: CreateExportJobDocument,
    run: async (stack) => void expect((await jepiloteExport(stack)).status).toBe('COMPLETED'),
  },
  {
    // The same file is documented under /export_documents/{hash}, /export_document/{hash} and /get_export/{hash}.
    endpoint: 'GET /export_document/{hash}',
    reachedAs: 'GET /get_export/{hash}',
    simulator: 'jepilote',
    operation: CreateExportJobDocument,
    run: async (stack) => {
      const url = (await jepiloteExport(stack)).file?.downloadUrl;
      if (!url) throw new Error('no downloadUrl');
      const response = await request(url, { headers: { authorization: 'Bearer demo' } });
      expect(response.statusCode).toBe(200);
      expect((await response.body.arrayBuffer()).byteLength).toBeGreaterThan(0);
    },
  },
  {
    endpoint: 'POST /api/v1/entries',
    simulator: 'myunisoft',
    operation: CompanyEntriesDocument,
    run: async (stack) => {
      const companyId = demoCompany(stack.sims, 'myunisoft').id;
      const filter = { type: 'ENTRY' as const, from: '2026-01-01', to: '2026-03-31' };
      const data = dataOf(await runOperation(stack, CompanyEntriesDocument, { companyId, filter, first: 5 }));
      expect(data.company?.entries.edges.length).toBeGreaterThan(0);
    },
  },
  {
    endpoint: 'GET /api/v1/mad/movements',
    simulator: 'myunisoft',
    operation: CompanyMovementsDocument,
    run: async (stack) => {
      const companyId = demoCompany(stack.sims, 'myunisoft').id;
      const filter = { from: '2025-02-01', to: '2025-02-28' };
      const data = dataOf(
        await runOperation(stack, CompanyMovementsDocument, { companyId, filter, first: 5 }),
      );
      expect(data.company?.movements.edges.length).toBeGreaterThan(0);
    },
  },
  {
    // Pleo serves the same routes under v1, v2 and v3; the connector uses the current v3.
    endpoint: 'POST /v1/export-jobs',
    reachedAs: 'POST /v3/export-jobs',
    simulator: 'pleo',
    operation: CreateExportJobDocument,
    run: async (stack) => {
      const companyId = demoCompany(stack.sims, 'pleo').id;
      const entries = dataOf(await runOperation(stack, CompanyEntriesDocument, { companyId, first: 20 }));
      const entry = entries.company?.entries.edges.find((e) => e.node.journal.type !== 'fee')?.node.id;
      if (!entry) throw new Error('no exportable Pleo entry');
      const input = { companyId, entryIds: [entry], idempotencyKey: randomBytes(8).toString('hex') };
      expect(
        dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob.provider,
      ).toBe('PLEO');
    },
  },
];

const OPERATIONS_DIR = join(__dirname, '../../../schema/operations');
const operationSources = readdirSync(OPERATIONS_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(join(OPERATIONS_DIR, f), 'utf8'))
  .join('\n');

const operationName = (document: DocumentNode) => getOperationAST(document)?.name?.value ?? '(anonymous)';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());

describe('seed coverage', () => {
  it('maps exactly the endpoints the seed documents describe', () => {
    const parsed = [...seedEndpoints().values()].flat().sort();
    expect(parsed.length).toBeGreaterThan(0);
    expect(TABLE.map((row) => row.endpoint).sort()).toEqual(parsed);
  });

  it.each(TABLE.map((row) => [row.endpoint, operationName(row.operation), row] as const))(
    '%s is reached by %s',
    async (_endpoint, name, row) => {
      expect(operationSources).toMatch(new RegExp(`\\b(query|mutation) ${name}\\b`));
      stack.sims.resetRequests();
      await row.run(stack);
      const [method, path] = (row.reachedAs ?? row.endpoint).split(' ') as [string, string];
      const reached = stack.sims.simulators[row.simulator].requests.filter(
        (r) => r.method === method && pathPattern(path).test(r.path),
      );
      expect(reached.length).toBeGreaterThan(0);
      expect(reached.every((r) => r.status < 300)).toBe(true);
    },
  );
});
