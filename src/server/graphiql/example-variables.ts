/**
 * The variables GraphiQL's example tabs open with when the page opens with a key (demo mode): ids
 * that key really sees, read through the gateway itself, so every tab runs as opened. Queries only:
 * opening a page never writes anything (the mutation tabs carry an idempotency key, so running them
 * twice creates nothing twice).
 */
import { decodeGlobalId, encodeGlobalId } from '../../domain/ids';

/** Runs a query as the page's key and returns its `data` (throws when there is none). */
export type RunQuery = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

export type ExampleVariables = Record<string, Record<string, unknown>>;

/**
 * Operations GraphiQL does not open as tabs: the uploads need a multipart file part (docs/api.md,
 * GraphiQL: send them with curl -F); the export job lifecycle needs a Pleo job just created and not yet
 * moved, which no variables known when the page opens can name.
 */
export const NOT_RUNNABLE_IN_GRAPHIQL = new Set([
  'UploadDocument',
  'CreateExpenseBill',
  'UpdateExportJobStatus',
  'UpdateExportJobItems',
]);

const COMPANIES = `query GraphiqlExampleCompanies { companies(first: 100) { edges { node { id provider } } } }`;
const DETAILS = `query GraphiqlExampleIds($myunisoft: ID!, $inqom: ID!, $pleo: ID!) {
  myunisoft: company(id: $myunisoft) { exercises { id } accounts(first: 1) { edges { node { number } } } }
  inqom: company(id: $inqom) { documents(first: 1) { edges { node { id } } } }
  pleo: company(id: $pleo) { exportJobs(first: 1) { edges { node { id } } } }
}`;

type Edges = { edges: { node: { id: string; provider?: string; number?: string } }[] };
const firstId = (connection: unknown) => (connection as Edges | undefined)?.edges[0]?.node.id;

export async function discoverExampleVariables(run: RunQuery): Promise<ExampleVariables> {
  const companies = ((await run(COMPANIES)).companies as Edges).edges.map((e) => e.node);
  const company = (provider: string) => {
    const found = companies.find((c) => c.provider === provider)?.id;
    if (!found) throw new Error(`the page's key sees no ${provider} company`);
    return found;
  };
  const [jepilote, myunisoft, inqom, pleo] = ['JEPILOTE', 'MYUNISOFT', 'INQOM', 'PLEO'].map(company) as [
    string,
    string,
    string,
    string,
  ];
  const details = await run(DETAILS, { myunisoft, inqom, pleo });
  const books = details.myunisoft as { exercises: { id: string }[]; accounts: Edges };
  const exercise = books.exercises[0]?.id;
  const account = books.accounts.edges[0]?.node.number;
  const document = firstId((details.inqom as { documents: unknown }).documents);
  if (!exercise || !document || !account)
    throw new Error('the demo data lacks an exercise, an account or a document');
  // Export jobs and bulk exports exist only once started (the mutation tabs start them): until
  // then, a well-formed id of none, which answers null rather than an error.
  const noneYet = (type: 'ExportJob' | 'BulkExport', company: string) => {
    const { provider, companyId } = decodeGlobalId(company, 'id');
    return encodeGlobalId({ type, provider, companyId, nativeId: 'none-yet' });
  };
  const exportJob =
    firstId((details.pleo as { exportJobs: unknown }).exportJobs) ?? noneYet('ExportJob', pleo);
  return {
    ListCompanies: { first: 20 },
    GetCompany: { id: myunisoft },
    CompanyEntries: { companyId: myunisoft, first: 20 },
    EntriesWithDocuments: { companyId: inqom, first: 10 },
    CompanyMovements: { companyId: myunisoft, filter: { exerciseId: exercise }, first: 20 },
    ExerciseMovements: { exerciseId: exercise, first: 20 },
    CompanyDocuments: { companyId: inqom, first: 20 },
    GetDocument: { id: document },
    CompanyExportJobs: { companyId: pleo, first: 10 },
    GetExportJob: { id: exportJob },
    GetNodes: { ids: [myunisoft, inqom, document, exercise] },
    CreateExportJob: {
      input: { companyId: jepilote, format: 'FEC', idempotencyKey: 'graphiql-example-fec' },
    },
    StartBulkExport: {
      input: {
        companyId: myunisoft,
        kind: 'MOVEMENTS',
        format: 'JSONL',
        exerciseId: exercise,
        idempotencyKey: 'graphiql-example-bulk',
      },
    },
    GetBulkExport: { id: noneYet('BulkExport', myunisoft) },
    FecBulkExport: { id: noneYet('BulkExport', myunisoft) },
    ExportFileConformance: { id: noneYet('ExportJob', jepilote) },
    CompanyChart: { companyId: myunisoft, first: 20 },
    TrialBalance: { companyId: myunisoft, filter: { exerciseId: exercise } },
    AccountLedger: { companyId: myunisoft, account, filter: { exerciseId: exercise }, first: 20 },
    CreateAccessToken: { input: { scopes: ['READ'], ttlSeconds: 900 } },
  };
}
