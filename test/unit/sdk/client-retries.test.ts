/**
 * The SDK's retries against a real local HTTP server: queries and keyed mutations are sent again after
 * a cut connection, a refused connection, a timeout or a proxy's 502, with bounded exponential backoff;
 * unkeyed mutations and GraphQL errors are never sent twice.
 */
import { Agent } from 'undici';
import {
  createGrandLivreClient,
  CreateExportJobDocument,
  GrandLivreHttpError,
  GrandLivreNetworkError,
  ListCompaniesDocument,
  UpstreamTimeoutError,
  type GrandLivreClientOptions,
} from '@grand-livre/sdk';
import { cut, sendJson, startLocalGateway, type LocalGateway } from './local-gateway';

const companies = {
  companies: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
};
const job = {
  createExportJob: {
    id: 'job-1',
    provider: 'JEPILOTE',
    format: 'FEC',
    status: 'COMPLETED',
    numberOfItems: 3,
    errors: [],
    file: null,
  },
};

let dispatcher: Agent;
let gateway: LocalGateway | undefined;
beforeEach(() => {
  dispatcher = new Agent({ keepAliveTimeout: 1_000 });
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  await dispatcher.close();
});

function clientOf(url: string, options: Partial<GrandLivreClientOptions> = {}) {
  const retries: { attempt: number; delayMs: number }[] = [];
  const client = createGrandLivreClient({
    url,
    apiKey: 'key-123',
    retryBaseMs: 5,
    dispatcher,
    onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }),
    ...options,
  });
  return { client, retries };
}

describe('queries', () => {
  it('are sent again after cut connections, with the backoff doubling its ceiling each time', async () => {
    gateway = await startLocalGateway((_, response, index) =>
      index < 2 ? cut(response) : sendJson(response, 200, { data: companies }),
    );
    const { client, retries } = clientOf(gateway.url, { retries: 2, retryBaseMs: 40 });
    await expect(client.request(ListCompaniesDocument, { first: 5 })).resolves.toEqual(companies);
    expect(gateway.received).toHaveLength(3);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(40);
    expect(retries[1]?.delayMs).toBeLessThanOrEqual(80);
  });

  it('give up after the retries allowed with a GrandLivreNetworkError counting the attempts', async () => {
    gateway = await startLocalGateway((_, response) => cut(response));
    const { client } = clientOf(gateway.url, { retries: 3 });
    const error = await client.request(ListCompaniesDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrandLivreNetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 4 });
    expect(gateway.received).toHaveLength(4);
  });

  it('are retried when the connection is refused', async () => {
    const closed = await startLocalGateway(() => undefined);
    await closed.close();
    const { client, retries } = clientOf(closed.url, { retries: 2 });
    const error = await client.request(ListCompaniesDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrandLivreNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(retries).toHaveLength(2);
  });

  it('are retried when the answer does not come within timeoutMs', async () => {
    // The first request is held without an answer until the server closes.
    gateway = await startLocalGateway((_, response, index) =>
      index === 0 ? undefined : sendJson(response, 200, { data: companies }),
    );
    const { client } = clientOf(gateway.url, { timeoutMs: 300 });
    await expect(client.request(ListCompaniesDocument)).resolves.toEqual(companies);
    expect(gateway.received).toHaveLength(2);
  });

  it('are retried on a 502 that is not a GraphQL answer, then fail with its status', async () => {
    gateway = await startLocalGateway((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>Bad gateway</h1>');
    });
    const { client } = clientOf(gateway.url, { retries: 1 });
    const error = await client.request(ListCompaniesDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrandLivreHttpError);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', httpStatus: 502 });
    expect(gateway.received).toHaveLength(2);
  });

  it('are not sent again when the gateway answered with a GraphQL error', async () => {
    gateway = await startLocalGateway((_, response) =>
      sendJson(response, 200, {
        data: null,
        errors: [{ message: 'slow', path: ['companies'], extensions: { code: 'UPSTREAM_TIMEOUT' } }],
      }),
    );
    const { client, retries } = clientOf(gateway.url);
    await expect(client.request(ListCompaniesDocument)).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(gateway.received).toHaveLength(1);
    expect(retries).toEqual([]);
  });
});

describe('mutations', () => {
  const input = { companyId: 'company-1', format: 'FEC' as const };

  it('without an idempotencyKey are sent once: a lost answer may hide a committed write', async () => {
    gateway = await startLocalGateway((_, response) => cut(response));
    const { client, retries } = clientOf(gateway.url, { retries: 3 });
    const error = await client.request(CreateExportJobDocument, { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrandLivreNetworkError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(gateway.received).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('with an idempotencyKey are sent again with the same key', async () => {
    gateway = await startLocalGateway((_, response, index) =>
      index === 0 ? cut(response) : sendJson(response, 200, { data: job }),
    );
    const { client } = clientOf(gateway.url);
    const keyed = { input: { ...input, idempotencyKey: 'export-2026-10' } };
    await expect(client.request(CreateExportJobDocument, keyed)).resolves.toEqual(job);
    expect(gateway.received).toHaveLength(2);
    const sent = gateway.received.map((r) => JSON.parse(r.body).variables.input.idempotencyKey);
    expect(sent).toEqual(['export-2026-10', 'export-2026-10']);
  });
});
