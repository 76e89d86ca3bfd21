/**
 * `GetNodes` (and `node` through the other operations) for every node type of every provider that
 * has it: ids taken from the lists come back as the same objects, in order, with their data; ids of
 * another tenant are null; a malformed id is one null with one BAD_USER_INPUT error at its index.
 */
import {
  CompanyDocumentsDocument,
  CompanyEntriesDocument,
  CompanyMovementsDocument,
  CreateExportJobDocument,
  GetCompanyDocument,
  GetNodesDocument,
} from '@grand-livre/sdk';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import { dataOf, runOperation } from '../../support/operations';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from './fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(() => stack.close());

const WINDOW = { from: '2025-04-01', to: '2025-04-30' };

async function firstEntry(provider: SimProvider) {
  const { id } = demoCompany(stack.sims, provider);
  const data = dataOf(
    await runOperation(stack, CompanyEntriesDocument, { companyId: id, filter: WINDOW, first: 1 }),
  );
  const entry = data.company?.entries.edges[0]?.node;
  if (!entry) throw new Error(`no ${provider} entry`);
  return {
    __typename: 'Entry',
    id: entry.id,
    date: entry.date,
    debitTotal: entry.debitTotal,
    creditTotal: entry.creditTotal,
  };
}

async function firstMovement(provider: SimProvider) {
  const { id } = demoCompany(stack.sims, provider);
  const data = dataOf(
    await runOperation(stack, CompanyMovementsDocument, { companyId: id, filter: WINDOW, first: 1 }),
  );
  const movement = data.company?.movements.edges[0]?.node;
  if (!movement) throw new Error(`no ${provider} movement`);
  return { __typename: 'Movement', id: movement.id, date: movement.date, amount: movement.amount };
}

async function firstExercise(provider: SimProvider) {
  const { id } = demoCompany(stack.sims, provider);
  const exercise = dataOf(await runOperation(stack, GetCompanyDocument, { id })).company?.exercises[0];
  if (!exercise) throw new Error(`no ${provider} exercise`);
  return { __typename: 'Exercise', id: exercise.id, label: exercise.label, startDate: exercise.startDate };
}

async function firstDocument() {
  const { id } = demoCompany(stack.sims, 'inqom');
  const document = dataOf(await runOperation(stack, CompanyDocumentsDocument, { companyId: id, first: 1 }))
    .company?.documents.edges[0]?.node;
  if (!document) throw new Error('no document');
  return { __typename: 'Document', id: document.id, name: document.name, checksum: document.checksum };
}

async function jepiloteExport() {
  const { id } = demoCompany(stack.sims, 'jepilote');
  const input = { companyId: id, format: 'FEC' as const, includeAlreadyExported: true };
  const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
  return { __typename: 'ExportJob', id: job.id, provider: job.provider, status: job.status };
}

async function pleoExport() {
  const { id } = demoCompany(stack.sims, 'pleo');
  const data = dataOf(await runOperation(stack, CompanyEntriesDocument, { companyId: id, first: 20 }));
  const entry = data.company?.entries.edges.find((e) => e.node.journal.type !== 'fee');
  if (!entry) throw new Error('no exportable Pleo entry');
  const input = { companyId: id, entryIds: [entry.node.id] };
  const job = dataOf(await runOperation(stack, CreateExportJobDocument, { input })).createExportJob;
  return { __typename: 'ExportJob', id: job.id, provider: job.provider, status: job.status };
}

function company(provider: SimProvider) {
  const { gen, id } = demoCompany(stack.sims, provider);
  return { __typename: 'Company', id, provider: provider.toUpperCase(), name: gen.name };
}

describe('GetNodes', () => {
  it('resolves one id of every type of every provider, in order, with its data', async () => {
    const expected = [
      ...(['jepilote', 'myunisoft', 'inqom', 'pleo'] as const).map(company),
      await firstExercise('myunisoft'),
      await firstExercise('inqom'),
      await firstEntry('myunisoft'),
      await firstEntry('inqom'),
      await firstEntry('pleo'),
      await firstMovement('myunisoft'),
      await firstMovement('inqom'),
      await firstDocument(),
      await jepiloteExport(),
      await pleoExport(),
    ];
    const result = await runOperation(stack, GetNodesDocument, { ids: expected.map((n) => n.id) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual(expected.map((n) => expect.objectContaining(n)));
  });

  it('answers null for ids of another tenant', async () => {
    const mine = company('inqom');
    const theirs = demoCompany(stack.sims, 'inqom', 'demo-other').id;
    const result = await runOperation(stack, GetNodesDocument, { ids: [mine.id, theirs, mine.id] });
    expect(result.data?.nodes).toEqual([expect.objectContaining(mine), null, expect.objectContaining(mine)]);
    expect(result.errors).toBeUndefined();
  });

  it('refuses the whole operation for a malformed id (an argument error), naming it', async () => {
    const mine = company('inqom');
    const result = await runOperation(stack, GetNodesDocument, { ids: [mine.id, 'not-an-id'] });
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.field])).toEqual([
      [['nodes'], 'BAD_USER_INPUT', 'ids.1'],
    ]);
  });
});
