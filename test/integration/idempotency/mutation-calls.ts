/**
 * The mutations idempotency tests send, over real HTTP to a running gateway: a GraphQL multipart
 * upload (document or expense bill), createExportJob and updateExportJobStatus. Each returns the HTTP
 * status and the body.
 */
import type { GqlResponse } from '../../support/stack';

export interface GatewayAddress {
  graphqlUrl: string;
}

type Body = GqlResponse<Record<string, Record<string, unknown> | null>>['body'];

const UPLOAD = `mutation($input: UploadDocumentInput!) {
  uploadDocument(input: $input) { id name status checksum }
}`;
const EXPENSE_BILL = `mutation($input: CreateExpenseBillInput!) {
  createExpenseBill(input: $input) { id name status checksum }
}`;
export const CREATE_EXPORT_JOB = `mutation($input: CreateExportJobInput!) {
  createExportJob(input: $input) { id provider format status numberOfItems file { name downloadUrl } }
}`;

async function multipart(
  gateway: GatewayAddress,
  query: string,
  input: Record<string, unknown>,
  file: { name: string; bytes: string },
): Promise<{ status: number; body: Body }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { input: { ...input, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([file.bytes], { type: 'application/pdf' }), file.name);
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'apollo-require-preflight': 'true' },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Body };
}

export const uploadDocument = (
  gateway: GatewayAddress,
  input: { companyId: string; idempotencyKey?: string },
  file: { name: string; bytes: string },
) => multipart(gateway, UPLOAD, { type: 'PURCHASE_INVOICE', ...input }, file);

export const createExpenseBill = (
  gateway: GatewayAddress,
  input: { companyId: string; idempotencyKey?: string },
  file: { name: string; bytes: string },
) =>
  multipart(
    gateway,
    EXPENSE_BILL,
    { beneficiaryFullName: 'Camille Martin', reference: 'NDF-1', ...input },
    file,
  );

export const UPDATE_EXPORT_JOB_STATUS = `mutation($input: UpdateExportJobStatusInput!) {
  updateExportJobStatus(input: $input) { id status }
}`;

/** A JSON-bodied mutation of the demo key, its input as `$input`. */
async function sendMutation(
  gateway: GatewayAddress,
  query: string,
  input: Record<string, unknown>,
): Promise<{ status: number; body: Body }> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { input } }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

export const createExportJob = (gateway: GatewayAddress, input: Record<string, unknown>) =>
  sendMutation(gateway, CREATE_EXPORT_JOB, input);

export const updateExportJobStatus = (gateway: GatewayAddress, input: Record<string, unknown>) =>
  sendMutation(gateway, UPDATE_EXPORT_JOB_STATUS, input);

/** The first error's code, or null. */
export const firstCode = (body: Body): unknown => body.errors?.[0]?.extensions?.code ?? null;
