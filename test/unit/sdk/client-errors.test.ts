/**
 * What the SDK sends and how it types what comes back, against a real local HTTP server: the key and
 * operation on the wire, one error class per `extensions.code` with field, path and partial data,
 * partial results through `execute`, and downloads that send the key to the gateway only.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { ErrorCode } from '../../../src/errors';
import {
  BadUserInputError,
  createGrandLivreClient,
  ERROR_CLASSES,
  ForbiddenError,
  GetCompanyDocument,
  GrandLivreError,
  IdempotencyInProgressError,
  IdempotencyOutcomeUncertainError,
  StoreUnavailableError,
  InternalServerError,
  ListCompaniesDocument,
  NotFoundError,
  UnauthenticatedError,
  UnsupportedByProviderError,
  UpstreamError,
  UpstreamInvalidResponseError,
  UpstreamBadDataError,
  UpstreamRateLimitedError,
  UpstreamServiceError,
  UpstreamTimeoutError,
} from '@grand-livre/sdk';
import { sendJson, startLocalGateway, type LocalGateway, type Handler } from './local-gateway';

let dispatcher: Agent;
const servers: LocalGateway[] = [];
beforeEach(() => {
  dispatcher = new Agent({ keepAliveTimeout: 1_000 });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await dispatcher.close();
});

async function gatewayAnswering(handler: Handler) {
  const gateway = await startLocalGateway(handler);
  servers.push(gateway);
  const client = createGrandLivreClient({ url: gateway.url, apiKey: 'key-123', retryBaseMs: 5, dispatcher });
  return { gateway, client };
}

const company = { id: 'c1', provider: 'PLEO', providerId: 'p1', name: 'Pleo Co', siren: null };

it('posts the operation with its name, variables and the key as a bearer token', async () => {
  const data = { companies: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };
  const { gateway, client } = await gatewayAnswering((_, response) => sendJson(response, 200, { data }));
  await expect(
    client.request(ListCompaniesDocument, { provider: 'PLEO' }, { requestId: 'trace-1' }),
  ).resolves.toEqual(data);
  const [sent] = gateway.received;
  expect(sent?.headers.authorization).toBe('Bearer key-123');
  expect(sent?.headers['x-request-id']).toBe('trace-1');
  const body = JSON.parse(sent?.body ?? '{}');
  expect(body).toMatchObject({ operationName: 'ListCompanies', variables: { provider: 'PLEO' } });
  expect(body.query).toContain('companies(provider: $provider');
});

const EXPECTED_CLASS: Record<ErrorCode, typeof GrandLivreError> = {
  BAD_USER_INPUT: BadUserInputError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  UNSUPPORTED_BY_PROVIDER: UnsupportedByProviderError,
  UPSTREAM_ERROR: UpstreamServiceError,
  UPSTREAM_TIMEOUT: UpstreamTimeoutError,
  UPSTREAM_RATE_LIMITED: UpstreamRateLimitedError,
  UPSTREAM_INVALID_RESPONSE: UpstreamInvalidResponseError,
  UPSTREAM_BAD_DATA: UpstreamBadDataError,
  IDEMPOTENCY_IN_PROGRESS: IdempotencyInProgressError,
  IDEMPOTENCY_OUTCOME_UNCERTAIN: IdempotencyOutcomeUncertainError,
  STORE_UNAVAILABLE: StoreUnavailableError,
  INTERNAL_SERVER_ERROR: InternalServerError,
};

it('has a class for every code of the API', () => {
  expect(Object.keys(ERROR_CLASSES).sort()).toEqual(Object.values(ErrorCode).sort());
});

it.each(Object.values(ErrorCode))(
  'throws %s as its own class with field, path and partial data',
  async (code) => {
    const data = { company: { ...company, exercises: null } };
    const { client } = await gatewayAnswering((_, response) =>
      sendJson(response, 200, {
        data,
        errors: [
          { message: `failed: ${code}`, path: ['company', 'exercises'], extensions: { code, field: 'id' } },
        ],
      }),
    );
    const error = await client.request(GetCompanyDocument, { id: 'c1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EXPECTED_CLASS[code]);
    expect(error).toBeInstanceOf(GrandLivreError);
    expect(error).toMatchObject({
      code,
      message: `failed: ${code}`,
      field: 'id',
      path: ['company', 'exercises'],
      data,
      requestId: 'req-test',
    });
  },
);

it('exposes the extensions of upstream and idempotency errors', async () => {
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 200, {
      data: null,
      errors: [
        {
          message: 'PLEO: rate limited',
          extensions: {
            code: 'UPSTREAM_RATE_LIMITED',
            provider: 'PLEO',
            retryAfterSeconds: 30,
            upstreamStatus: 429,
          },
        },
        { message: 'busy', extensions: { code: 'IDEMPOTENCY_IN_PROGRESS', retryAfterSeconds: 2 } },
      ],
    }),
  );
  const error = (await client.request(ListCompaniesDocument).catch((e: unknown) => e)) as UpstreamError;
  expect(error).toBeInstanceOf(UpstreamError);
  expect({ provider: error.provider, retry: error.retryAfterSeconds, status: error.upstreamStatus }).toEqual({
    provider: 'PLEO',
    retry: 30,
    status: 429,
  });
  expect(error.others).toHaveLength(1);
  expect(error.others[0]).toBeInstanceOf(IdempotencyInProgressError);
  expect((error.others[0] as IdempotencyInProgressError).retryAfterSeconds).toBe(2);
});

it("exposes the provider's own error code of an upstream error", async () => {
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 200, {
      data: null,
      errors: [
        {
          message: 'MYUNISOFT: HTTP 404 on GET /api/v1/mad/exercices',
          extensions: {
            code: 'UPSTREAM_ERROR',
            provider: 'MYUNISOFT',
            upstreamStatus: 404,
            upstreamCode: 'ERR-FOLDER-NOT-FOUND',
          },
        },
      ],
    }),
  );
  const error = (await client.request(ListCompaniesDocument).catch((e: unknown) => e)) as UpstreamError;
  expect(error.upstreamCode).toBe('ERR-FOLDER-NOT-FOUND');
});

it('names the route a provider token may not call, and the refused field', async () => {
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 200, {
      data: { company: null },
      errors: [
        {
          message: 'MYUNISOFT: the tenant’s API token may not call GET /api/v1/mad/movements',
          path: ['company', 'movements'],
          extensions: {
            code: 'UNSUPPORTED_BY_PROVIDER',
            provider: 'MYUNISOFT',
            route: 'GET /api/v1/mad/movements',
            field: 'movements',
          },
        },
      ],
    }),
  );
  const error = (await client
    .request(ListCompaniesDocument)
    .catch((e: unknown) => e)) as UnsupportedByProviderError;
  expect(error).toBeInstanceOf(UnsupportedByProviderError);
  expect({ provider: error.provider, route: error.route, field: error.field }).toEqual({
    provider: 'MYUNISOFT',
    route: 'GET /api/v1/mad/movements',
    field: 'movements',
  });
});

it('keeps an unknown code on the base class', async () => {
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 400, {
      errors: [{ message: 'bad query', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    }),
  );
  const error = await client.request(ListCompaniesDocument).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GrandLivreError);
  expect(error).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', httpStatus: 400 });
});

it('types a 401 as UnauthenticatedError', async () => {
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 401, {
      errors: [{ message: 'key required', extensions: { code: 'UNAUTHENTICATED' } }],
    }),
  );
  const error = await client.request(ListCompaniesDocument).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error).toMatchObject({ httpStatus: 401 });
});

it('execute returns the partial data with the errors of the failed fields', async () => {
  const data = { company: { ...company, capabilities: [], exercises: null } };
  const { client } = await gatewayAnswering((_, response) =>
    sendJson(response, 200, {
      data,
      errors: [{ message: 'down', path: ['company', 'exercises'], extensions: { code: 'UPSTREAM_ERROR' } }],
    }),
  );
  const result = await client.execute(GetCompanyDocument, { id: 'c1' });
  expect(result.data).toEqual(data);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toBeInstanceOf(UpstreamServiceError);
});

describe('download', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gl-sdk-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams a link to disk without the key (the link carries its own token)', async () => {
    const { gateway, client } = await gatewayAnswering((_, response) => {
      response.writeHead(200, {
        'content-type': 'text/plain',
        'content-disposition': 'attachment; filename="FEC.txt"',
      });
      response.end('JournalCode|JournalLib\n');
    });
    const path = join(dir, 'out.txt');
    const saved = await client.downloadToFile(`${gateway.origin}/exports/token-1`, path);
    expect(saved).toEqual({ fileName: 'FEC.txt', bytes: 23 });
    expect(readFileSync(path, 'utf8')).toBe('JournalCode|JournalLib\n');
    expect(gateway.received[0]?.headers.authorization).toBeUndefined();
  });

  it('types the gateway’s 404 as NotFoundError and leaves no file behind', async () => {
    const { gateway, client } = await gatewayAnswering((_, response) =>
      sendJson(response, 404, {
        errors: [{ message: 'Export file not found.', extensions: { code: 'NOT_FOUND' } }],
      }),
    );
    const path = join(dir, 'missing.txt');
    const error = await client
      .downloadToFile(`${gateway.origin}/exports/nope`, path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(existsSync(path)).toBe(false);
  });

  it('downloads a link on another origin (the gateway’s publicUrl), never sending the key there', async () => {
    const { client } = await gatewayAnswering(() => undefined);
    const elsewhere = await startLocalGateway((_, response) => response.end('x'));
    servers.push(elsewhere);
    const file = await client.download(`${elsewhere.origin}/exports/token-1`);
    expect(Buffer.concat(await file.body.toArray()).toString()).toBe('x');
    expect(elsewhere.received).toHaveLength(1);
    expect(elsewhere.received[0]?.headers.authorization).toBeUndefined();
  });
});
