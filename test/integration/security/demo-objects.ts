/**
 * One real object of every node type held by tenant `demo`, read or created through the gateway as
 * `demo` (so each id, cursor and download link is one the gateway really handed out): the material
 * the isolation tests then replay as tenant `demo-other`.
 */
import { companyGlobalId } from '../../../src/domain/ids';
import type { SimProvider } from '../../../src/simulators/data/dataset';
import type { Stack } from '../../support/stack';
import { PROVIDER_OF } from '../operations/fixtures';

export interface DemoObjects {
  /** Global id of demo's first company at each provider. */
  companies: Record<SimProvider, string>;
  exercise: string;
  entries: string[];
  movement: string;
  document: string;
  exportJob: string;
  /** `/exports/<token>` of the Jepilote job's file. */
  exportDownloadUrl: string;
  /** `/documents/<token>` of the Inqom document. */
  documentDownloadUrl: string;
  bulkExport: string;
  /** `/bulk-exports/<token>` of the finished bulk export. */
  bulkDownloadUrl: string;
  /** `pageInfo.endCursor` of the first page of `companies` (first: 1). */
  companiesCursor: string;
  /** `pageInfo.endCursor` of the first page of the MyUnisoft company's entries (first: 2). */
  entriesCursor: string;
  /** The Pleo company's first entries, for `createExportJob(entryIds)`. */
  pleoEntries: string[];
}

type Data = Record<string, unknown>;

/** Runs as `demo` and fails loudly on any error: the fixtures must be real. */
async function demoData<T = Data>(stack: Stack, query: string, variables: Data = {}): Promise<T> {
  const { status, body } = await stack.gql<T>(query, variables, 'demo');
  if (status !== 200 || body.errors?.length || !body.data)
    throw new Error(`demo fixture failed (HTTP ${status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

export function demoCompanyIds(stack: Stack, owner: 'demo' | 'demo-other'): Record<SimProvider, string> {
  const of = (provider: SimProvider) => {
    const gen = stack.sims.dataset.companiesOf(provider, owner)[0];
    if (!gen) throw new Error(`no ${provider} company for ${owner}`);
    return companyGlobalId(PROVIDER_OF[provider], gen.id);
  };
  return { jepilote: of('jepilote'), myunisoft: of('myunisoft'), inqom: of('inqom'), pleo: of('pleo') };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function collectDemoObjects(stack: Stack): Promise<DemoObjects> {
  const companies = demoCompanyIds(stack, 'demo');
  type Page = { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
  const mu = await demoData<{
    company: { exercises: { id: string }[]; entries: Page };
  }>(
    stack,
    `query ($id: ID!) { company(id: $id) { exercises { id }
       entries(first: 2) { edges { node { id } } pageInfo { endCursor } } } }`,
    { id: companies.myunisoft },
  );
  const exercise = mu.company.exercises[0]?.id;
  if (!exercise) throw new Error('no MyUnisoft exercise');
  const movements = await demoData<{ company: { movements: Page } }>(
    stack,
    `query ($id: ID!, $ex: ID!) { company(id: $id) { movements(first: 1, filter: { exerciseId: $ex }) {
       edges { node { id } } pageInfo { endCursor } } } }`,
    { id: companies.myunisoft, ex: exercise },
  );
  const documents = await demoData<{
    company: { documents: Page & { edges: { node: { downloadUrl: string } }[] } };
  }>(
    stack,
    `query ($id: ID!) { company(id: $id) { documents(first: 1) { edges { node { id downloadUrl } } pageInfo { endCursor } } } }`,
    { id: companies.inqom },
  );
  const pleo = await demoData<{ company: { entries: Page } }>(
    stack,
    `query ($id: ID!) { company(id: $id) { entries(first: 3) { edges { node { id } } pageInfo { endCursor } } } }`,
    { id: companies.pleo },
  );
  const companiesPage = await demoData<{ companies: Page }>(
    stack,
    `{ companies(first: 1) { edges { node { id } } pageInfo { endCursor } } }`,
  );
  const job = await demoData<{
    createExportJob: { id: string; file: { downloadUrl: string | null } | null };
  }>(
    stack,
    `mutation ($input: CreateExportJobInput!) { createExportJob(input: $input) { id file { downloadUrl } } }`,
    { input: { companyId: companies.jepilote, format: 'FEC', includeAlreadyExported: true } },
  );
  const exportDownloadUrl = job.createExportJob.file?.downloadUrl;
  if (!exportDownloadUrl) throw new Error('the Jepilote export has no download link');
  const bulk = await demoData<{ startBulkExport: { id: string } }>(
    stack,
    `mutation ($input: StartBulkExportInput!) { startBulkExport(input: $input) { id } }`,
    {
      input: {
        companyId: companies.myunisoft,
        kind: 'MOVEMENTS',
        format: 'CSV',
        from: '2026-01-01',
        to: '2026-01-31',
      },
    },
  );
  const bulkExport = bulk.startBulkExport.id;
  let bulkDownloadUrl: string | null = null;
  // The test's own timeout bounds this wait.
  while (!bulkDownloadUrl) {
    const state = await demoData<{ bulkExport: { status: string; downloadUrl: string | null } }>(
      stack,
      `query ($id: ID!) { bulkExport(id: $id) { status downloadUrl } }`,
      { id: bulkExport },
    );
    if (state.bulkExport.status === 'FAILED') throw new Error('the demo bulk export failed');
    bulkDownloadUrl = state.bulkExport.downloadUrl;
    if (!bulkDownloadUrl) await pause(25);
  }
  const movement = ids(movements.company.movements)[0];
  const document = ids(documents.company.documents)[0];
  const documentDownloadUrl = documents.company.documents.edges[0]?.node.downloadUrl;
  if (!movement || !document || !documentDownloadUrl) throw new Error('no movement or no document');
  return {
    companies,
    exercise,
    entries: ids(mu.company.entries),
    movement,
    document,
    exportJob: job.createExportJob.id,
    exportDownloadUrl,
    documentDownloadUrl,
    bulkExport,
    bulkDownloadUrl,
    companiesCursor: companiesPage.companies.pageInfo.endCursor,
    entriesCursor: mu.company.entries.pageInfo.endCursor,
    pleoEntries: ids(pleo.company.entries),
  };
}
