/**
 * Apollo's request keeps no result tree once the response is sent: the plugin hands the context a drop
 * of the result's data, which the context's release runs (at the reply's close in the gateway).
 */
import { ApolloServer } from '@apollo/server';
import DataLoader from 'dataloader';
import { createContext, type RequestContext } from '../../../src/context';
import type { TenantConfig } from '../../../src/config';
import type { GlobalId } from '../../../src/domain/ids';
import type { TaggedNode } from '../../../src/domain/tagged-node';
import type { SharedStore } from '../../../src/store/types';
import { createLogger } from '../../../src/logger';
import { releaseSentResponsePlugin } from '../../../src/server/plugins/release-sent-response';

const typeDefs = /* GraphQL */ `
  type Movement {
    id: ID!
  }
  type Query {
    page: [Movement!]!
  }
`;
const resolvers = { Query: { page: () => [{ id: 'm1' }, { id: 'm2' }] } };

const context = (): RequestContext =>
  createContext({
    requestId: 'req-1',
    tenant: { id: 'demo' } as TenantConfig,
    logger: createLogger('silent'),
    store: {} as SharedStore,
    signingSecret: 'x'.repeat(32),
    publicUrl: 'http://gateway.test',
    connectors: new Map(),
    nodeLoader: () => new DataLoader<GlobalId, TaggedNode | null, string>(async (ids) => ids.map(() => null)),
  });

let server: ApolloServer<RequestContext>;
beforeAll(async () => {
  server = new ApolloServer<RequestContext>({ typeDefs, resolvers, plugins: [releaseSentResponsePlugin()] });
  await server.start();
});
afterAll(() => server.stop());

describe('release of a sent response', () => {
  it("keeps the result until the context is released, then drops Apollo's copy of it", async () => {
    const contextValue = context();
    const response = await server.executeOperation({ query: '{ page { id } }' }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const result = response.body.singleResult;
    expect(result.data).toEqual({ page: [{ id: 'm1' }, { id: 'm2' }] });

    contextValue.release();

    expect(result).not.toHaveProperty('data');
  });

  it("drops only the released request's result", async () => {
    const [first, second] = [context(), context()];
    const one = await server.executeOperation({ query: '{ page { id } }' }, { contextValue: first });
    const two = await server.executeOperation({ query: '{ page { id } }' }, { contextValue: second });
    if (one.body.kind !== 'single' || two.body.kind !== 'single') throw new Error('expected single results');

    second.release();

    expect(one.body.singleResult.data).toEqual({ page: [{ id: 'm1' }, { id: 'm2' }] });
    expect(two.body.singleResult).not.toHaveProperty('data');
  });
});
