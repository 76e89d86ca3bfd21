/**
 * Runs the codegen typed documents of `schema/operations` (packages/sdk/src/generated) against a running
 * gateway: `runOperation` posts JSON through `stack.gql`, `runUpload` sends a GraphQL multipart
 * request. Both keep the operation's result and variable types, so a test reads `data` typed.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Stack } from './stack';

export interface OperationError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface OperationResult<TData> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: TData | null | undefined;
  errors: OperationError[] | undefined;
}

type Gateway = Pick<Stack, 'gql' | 'graphqlUrl'>;

/** Posts the operation with its variables as `apiKey` (default `demo`). */
export async function runOperation<TData, TVariables extends Record<string, unknown>>(
  stack: Gateway,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  apiKey: string | null = 'demo',
): Promise<OperationResult<TData>> {
  const response = await stack.gql<TData>(print(document), variables, apiKey);
  return {
    status: response.status,
    headers: response.headers,
    data: response.body.data,
    errors: response.body.errors,
  };
}

/** The data of a result that must have succeeded: fails the test with the errors otherwise. */
export function dataOf<TData>(result: OperationResult<TData>): TData {
  if (result.errors?.length || !result.data) {
    throw new Error(`operation failed (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** The `extensions.code` of each error, with its path, for compact assertions. */
export const errorCodes = (result: OperationResult<unknown>) =>
  (result.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions?.code }));

export interface UploadFile {
  /** Where the file goes in the variables, e.g. `input.file`. */
  variablePath: string;
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

/**
 * Sends a GraphQL multipart request (operations, map, then the file parts). The
 * `apollo-require-preflight` header is what a non-browser client sends to pass CSRF prevention.
 */
export async function runUpload<TData, TVariables extends Record<string, unknown>>(
  stack: Gateway,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  files: UploadFile[],
  apiKey = 'demo',
): Promise<OperationResult<TData>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables }));
  const map = Object.fromEntries(files.map((file, i) => [String(i), [`variables.${file.variablePath}`]]));
  form.append('map', JSON.stringify(map));
  files.forEach((file, i) =>
    form.append(String(i), new Blob([file.bytes], { type: file.contentType }), file.fileName),
  );
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'apollo-require-preflight': 'true' },
    body: form,
  });
  const body = (await response.json()) as { data?: TData | null; errors?: OperationError[] };
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    data: body.data,
    errors: body.errors,
  };
}
