/**
 * Compiled plans answer exactly as graphql-js: each operation runs on two Apollo servers over one
 * schema, one executing with graphql-js, one through compiledExecutionGateway, and their whole
 * responses (status, data, errors with locations, paths and extensions) must be equal. Plans are
 * kept per operation, bounded, and a schema they cannot serve is refused at start.
 */
import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLInterfaceType, buildSchema, type GraphQLSchema } from 'graphql';
import { compiledExecutionGateway } from '../../../src/server/execution/compiled-executor';

const typeDefs = /* GraphQL */ `
  scalar Day
  interface Node {
    id: ID!
  }
  type Item implements Node {
    id: ID!
    label: String
    day: Day
    must: String!
  }
  type Page {
    items(first: Int = 2): [Item!]!
    total: Int!
  }
  input Range {
    from: Int!
    to: Int
  }
  type Query {
    page(range: Range): Page
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    fails(code: String): String
    slow: String
  }
`;

function testSchema(): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  const items = [1, 2, 3].map((n) => ({ id: `i${n}`, label: `item ${n}`, day: `2024-01-0${n}`, must: 'm' }));
  const day = schema.getType('Day') as unknown as { serialize: (v: unknown) => unknown };
  day.serialize = (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw new GraphQLError('Day cannot represent this value.', { extensions: { code: 'BAD_DAY' } });
    return value;
  };
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = () => 'Item';
  const query = schema.getQueryType()!.getFields();
  query.page!.resolve = (_root, args: { range?: { from: number; to?: number } }) =>
    args.range?.from === 0 ? null : { total: items.length };
  const page = (
    schema.getType('Page') as unknown as { getFields(): Record<string, { resolve?: unknown }> }
  ).getFields();
  page.items!.resolve = (_p: unknown, args: { first: number }) =>
    args.first === 9
      ? [...items, { id: 'i9', label: null, day: 'not a day', must: null }]
      : items.slice(0, args.first);
  query.node!.resolve = (_root, args: { id: string }) => items.find((i) => i.id === args.id) ?? null;
  query.nodes!.resolve = (_root, args: { ids: string[] }) =>
    args.ids.map(async (id) => {
      if (id === 'boom')
        throw new GraphQLError('no such node', { extensions: { code: 'NOT_FOUND', field: 'ids' } });
      return items.find((i) => i.id === id) ?? null;
    });
  query.fails!.resolve = (_root, args: { code?: string }) => {
    if (args.code) throw new GraphQLError('refused', { extensions: { code: args.code } });
    throw new Error('plain failure');
  };
  query.slow!.resolve = async () => 'done';
  return schema;
}

const OPERATIONS: { query: string; variables?: Record<string, unknown>; operationName?: string }[] = [
  { query: '{ page { total items { id label day } } }' },
  { query: 'query($n: Int) { page { items(first: $n) { id } } }', variables: { n: 1 } },
  { query: 'query($r: Range) { page(range: $r) { total } }', variables: { r: { from: 0 } } },
  // Variable coercion errors (Apollo answers 400 BAD_USER_INPUT from graphql-js's nodes).
  { query: 'query($r: Range) { page(range: $r) { total } }', variables: { r: { to: 1 } } },
  { query: 'query($n: Int) { page { items(first: $n) { id } } }', variables: { n: 'two' } },
  { query: 'query($id: ID!) { node(id: $id) { id } }' },
  // Resolver errors: typed, untyped, serialisation failures and null propagation (partial data).
  { query: '{ fails(code: "FORBIDDEN") slow }' },
  { query: '{ fails slow }' },
  { query: '{ page { items(first: 9) { id day } } slow }' },
  { query: '{ page { items(first: 9) { id must } } slow }' },
  { query: '{ nodes(ids: ["i1", "boom", "nope"]) { __typename id ... on Item { label } } }' },
  { query: 'query A { slow } query B { page { total } }', operationName: 'B' },
  { query: 'query A { slow } query B { page { total } }' },
  { query: 'query A { slow }', operationName: 'Z' },
  { query: '{ __type(name: "Item") { name fields { name } } }' },
];

async function startBoth(maxPlans = 100) {
  const schema = testSchema();
  const plain = new ApolloServer({ schema });
  const gateway = compiledExecutionGateway(schema, { maxPlans });
  const compiled = new ApolloServer({ gateway });
  await Promise.all([plain.start(), compiled.start()]);
  return { plain, compiled, gateway };
}

async function answer(server: ApolloServer, operation: (typeof OPERATIONS)[number]) {
  const { http, body } = await server.executeOperation(operation);
  return { status: http.status, body: JSON.stringify(body) };
}

describe('compiledExecutionGateway', () => {
  it('answers every operation exactly as graphql-js does, compiled or from a kept plan', async () => {
    const { plain, compiled } = await startBoth();
    try {
      for (const operation of OPERATIONS) {
        const expected = await answer(plain, operation);
        expect({ operation, ...(await answer(compiled, operation)) }).toEqual({ operation, ...expected });
        // The second run uses the plan kept from the first.
        expect({ operation, ...(await answer(compiled, operation)) }).toEqual({ operation, ...expected });
      }
    } finally {
      await Promise.all([plain.stop(), compiled.stop()]);
    }
  });

  it('keeps errors graphql-js would type: extensions.code, path and locations', async () => {
    const { plain, compiled } = await startBoth();
    try {
      const { body } = await compiled.executeOperation({ query: '{ fails(code: "FORBIDDEN") slow }' });
      expect(body).toEqual({
        kind: 'single',
        singleResult: {
          errors: [
            {
              message: 'refused',
              locations: [{ line: 1, column: 3 }],
              path: ['fails'],
              extensions: { code: 'FORBIDDEN' },
            },
          ],
          data: { fails: null, slow: 'done' },
        },
      });
    } finally {
      await Promise.all([plain.stop(), compiled.stop()]);
    }
  });

  it('keeps at most maxPlans plans, least recently used out', async () => {
    const { compiled, gateway } = await startBoth(2);
    try {
      for (const query of ['{ slow }', '{ page { total } }', '{ slow page { total } }'])
        await compiled.executeOperation({ query });
      expect(gateway.planCount).toBe(2);
      await compiled.executeOperation({ query: '{ slow }' });
      expect(gateway.planCount).toBe(2);
    } finally {
      await compiled.stop();
    }
  });

  it('refuses a schema whose abstract type resolves asynchronously', () => {
    const schema = testSchema();
    (schema.getType('Node') as GraphQLInterfaceType).resolveType = async () => 'Item';
    expect(() => compiledExecutionGateway(schema, { maxPlans: 1 })).toThrow(
      'Node.resolveType is async; compiled plans need a synchronous one.',
    );
  });
});
