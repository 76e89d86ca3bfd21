/**
 * A list field asked twice in one request is fetched once (`ctx.once`), but only for the same company:
 * two companies of one provider may have exercises with the same id, and each must get its own movements.
 */
import { encodeGlobalId } from '../../../src/domain/ids';
import type { ExerciseRecord, MovementRecord } from '../../../src/domain/model';
import type { ProviderConnector, ProviderSession } from '../../../src/providers/types';
import {
  company,
  startFakeConnectorGateway,
  type FakeConnectorGateway,
} from '../../support/fake-connector-gateway';

const exercise = (companyId: string): ExerciseRecord => ({
  provider: 'MYUNISOFT',
  companyId,
  providerId: 'E2024',
  label: `2024 of ${companyId}`,
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  closed: false,
});

const movement = (companyId: string): MovementRecord => ({
  provider: 'MYUNISOFT',
  companyId,
  providerId: `m-${companyId}`,
  entryId: null,
  date: '2024-01-02',
  accountedOn: null,
  journal: { code: 'VT', label: 'Ventes', type: null },
  account: null,
  description: `of company ${companyId}`,
  invoiceNumber: null,
  dueDate: null,
  debit: 100,
  credit: 0,
  amount: -100,
  currency: 'EUR',
  lettering: null,
  analytics: [],
  piece: null,
  entryType: 'ENTRY',
});

const movementCalls: string[] = [];
const session: ProviderSession = {
  provider: 'MYUNISOFT',
  capabilities: ['EXERCISES', 'MOVEMENTS'],
  listCompanies: async () => [company('MYUNISOFT', '1'), company('MYUNISOFT', '2')],
  getCompany: async (id) => company('MYUNISOFT', id),
  listExercises: async (companyId) => [exercise(companyId)],
  getExercise: async (companyId, id) => (id === 'E2024' ? exercise(companyId) : null),
  listMovements: async (companyId) => {
    movementCalls.push(companyId);
    return { items: [{ node: movement(companyId), resumeToken: '1' }], hasNextPage: false, totalCount: 1 };
  },
};
const connector: ProviderConnector = {
  provider: 'MYUNISOFT',
  capabilities: session.capabilities,
  openSession: () => session,
  close: async () => undefined,
};

let gateway: FakeConnectorGateway;
beforeAll(async () => {
  gateway = await startFakeConnectorGateway({
    tenants: [
      { id: 'acme', apiKey: 'acme-key', companies: { MYUNISOFT: '*' }, connectors: { MYUNISOFT: connector } },
    ],
  });
});
afterAll(() => gateway.close());
beforeEach(() => void (movementCalls.length = 0));

const exerciseId = (companyId: string) =>
  encodeGlobalId({ type: 'Exercise', provider: 'MYUNISOFT', companyId, nativeId: 'E2024' });
const MOVEMENTS = '... on Exercise { movements(first: 10) { edges { node { description } } } }';

it('gives exercises of the same id in two companies their own movements', async () => {
  const { body } = await gateway.gql(
    `query ($a: ID!, $b: ID!) { a: node(id: $a) { ${MOVEMENTS} } b: node(id: $b) { ${MOVEMENTS} } }`,
    { a: exerciseId('1'), b: exerciseId('2') },
  );
  expect(body.errors).toBeUndefined();
  const descriptions = (alias: 'a' | 'b') =>
    body.data[alias].movements.edges.map((e: { node: { description: string } }) => e.node.description);
  expect(descriptions('a')).toEqual(['of company 1']);
  expect(descriptions('b')).toEqual(['of company 2']);
  expect(movementCalls.sort()).toEqual(['1', '2']);
});

it('still fetches the same exercise asked twice once', async () => {
  const { body } = await gateway.gql(
    `query ($a: ID!) { a: node(id: $a) { ${MOVEMENTS} } b: node(id: $a) { ${MOVEMENTS} } }`,
    { a: exerciseId('1') },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.a).toEqual(body.data.b);
  expect(movementCalls).toEqual(['1']);
});
