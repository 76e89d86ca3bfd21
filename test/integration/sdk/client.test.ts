/**
 * The partner SDK against the real gateway on the simulators: typed data, the gateway's own error
 * codes as typed errors, keyed mutations answered once, and downloads limited to the key's tenant.
 */
import { Agent } from 'undici';
import {
  BadUserInputError,
  CompanyMovementsDocument,
  CreateExportJobDocument,
  createGrandLivreClient,
  ListCompaniesDocument,
  NotFoundError,
  UnauthenticatedError,
  UnsupportedByProviderError,
} from '@grand-livre/sdk';
import { demoCompany } from '../operations/fixtures';
import { startStack, type Stack } from '../../support/stack';

let stack: Stack;
const dispatcher = new Agent();
beforeAll(async () => {
  stack = await startStack({ configure: (config) => ({ ...config, logLevel: 'silent' }) });
});
afterAll(async () => {
  await stack.close();
  await dispatcher.close();
});

const clientFor = (apiKey: string) => createGrandLivreClient({ url: stack.graphqlUrl, apiKey, dispatcher });

it('returns the typed companies of the key’s tenant', async () => {
  const { companies } = await clientFor('demo').request(ListCompaniesDocument, { provider: 'INQOM' });
  const expected = stack.sims.dataset.companiesOf('inqom', 'demo').map((c) => c.name);
  expect(companies.edges.map((e) => e.node!.name).sort()).toEqual([...expected].sort());
  expect(companies.edges.every((e) => e.node!.provider === 'INQOM')).toBe(true);
});

it('throws UnauthenticatedError for an unknown key', async () => {
  const error = await clientFor('nobody')
    .request(ListCompaniesDocument)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error).toMatchObject({ code: 'UNAUTHENTICATED', httpStatus: 401 });
});

it('throws the gateway’s codes as typed errors with their field and path', async () => {
  const pleo = demoCompany(stack.sims, 'pleo');
  const unsupported = await clientFor('demo')
    .request(CompanyMovementsDocument, {
      companyId: pleo.id,
      filter: { from: '2026-01-01', to: '2026-01-31' },
    })
    .catch((e: unknown) => e);
  expect(unsupported).toBeInstanceOf(UnsupportedByProviderError);
  expect(unsupported).toMatchObject({ provider: 'PLEO' });

  const jepilote = demoCompany(stack.sims, 'jepilote');
  const refused = await clientFor('demo')
    .request(CreateExportJobDocument, { input: { companyId: jepilote.id } })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BadUserInputError);
  expect(refused).toMatchObject({ path: ['createExportJob'] });
});

it('downloads an export by its link alone, and the link names one file of one tenant', async () => {
  const { id } = demoCompany(stack.sims, 'jepilote');
  const input = {
    companyId: id,
    format: 'FEC' as const,
    includeAlreadyExported: true,
    idempotencyKey: 'sdk-it-1',
  };
  const first = await clientFor('demo').request(CreateExportJobDocument, { input });
  const again = await clientFor('demo').request(CreateExportJobDocument, { input });
  expect(again.createExportJob.id).toBe(first.createExportJob.id);

  const url = first.createExportJob.file?.downloadUrl ?? 'missing';
  const file = await clientFor('demo').download(url);
  expect(file.fileName).toBe(first.createExportJob.file?.name);
  expect((await file.body.toArray()).length).toBeGreaterThan(0);
  const tampered = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  await expect(clientFor('demo-other').download(tampered)).rejects.toBeInstanceOf(NotFoundError);
});
