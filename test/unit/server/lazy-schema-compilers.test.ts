/**
 * Fastify with the lazily required schema compilers still validates a request body and serializes a
 * response by its schema, as with the compilers Fastify builds itself.
 */
import Fastify from 'fastify';
import { lazySchemaCompilers } from '../../../src/server/lazy-schema-compilers';

describe('lazySchemaCompilers', () => {
  const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
  app.post(
    '/echo',
    {
      schema: {
        body: {
          type: 'object',
          required: ['amount'],
          properties: { amount: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' } },
        },
        response: {
          200: { type: 'object', properties: { amount: { type: 'string' } } },
        },
      },
    },
    async (request) => ({ ...(request.body as object), secret: 'not in the response schema' }),
  );
  let url: string;
  beforeAll(async () => {
    url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/echo`;
  });
  afterAll(() => app.close());
  const post = (body: object) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses a body its schema rejects with 400', async () => {
    const response = await post({ amount: '12.5' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'FST_ERR_VALIDATION' });
  });

  it('serializes only the fields of the response schema', async () => {
    const response = await post({ amount: '12.50' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ amount: '12.50' });
  });
});
