/**
 * The mutation-wide rules as one plugin: every mutation root field drops the request's shared reads
 * before it runs and, whatever its outcome, has its companies' caches invalidated before its payload
 * is resolved; queries are left alone.
 */
import { ApolloServer } from '@apollo/server';
import type { MutatedCompany, RequestContext } from '../../../src/context';
import { useMutationEffects } from '../../../src/server/plugins/mutation-effects';

const log: string[] = [];
const typeDefs = /* GraphQL */ `
  type Query {
    read: String
  }
  type Payload {
    seen: String
  }
  type Mutation {
    touch(company: String!, fail: Boolean): Payload
  }
`;
let mutated: MutatedCompany[] = [];
const resolvers = {
  Query: { read: () => (log.push('read'), 'r') },
  Mutation: {
    touch: async (_: unknown, args: { company: string; fail?: boolean }) => {
      log.push(`touch ${args.company}`);
      mutated.push({ provider: 'PLEO', companyId: args.company });
      if (args.fail) throw new Error('provider refused');
      return {};
    },
  },
  Payload: { seen: () => (log.push('payload'), 'p') },
};

const context = () =>
  ({
    tenant: { id: 'demo' },
    forgetShared: () => log.push('forget shared'),
    takeMutatedCompanies: () => {
      const taken = mutated;
      mutated = [];
      return taken;
    },
  }) as unknown as RequestContext;

let server: ApolloServer<RequestContext>;
beforeAll(async () => {
  server = new ApolloServer<RequestContext>({
    typeDefs,
    resolvers,
    plugins: [
      useMutationEffects({
        invalidateCompany: async (tenantId, { companyId }) => {
          await new Promise((resolve) => setImmediate(resolve));
          log.push(`invalidate ${tenantId}/${companyId}`);
        },
      }),
    ],
  });
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => log.splice(0));

const run = (query: string) => server.executeOperation({ query }, { contextValue: context() });

it('drops shared reads before each mutation field and invalidates its companies before its payload', async () => {
  await run('mutation { a: touch(company: "1") { seen } b: touch(company: "2") { seen } }');
  expect(log).toEqual([
    'forget shared',
    'touch 1',
    'invalidate demo/1',
    'payload',
    'forget shared',
    'touch 2',
    'invalidate demo/2',
    'payload',
  ]);
});

it('invalidates after a failed mutation too: the write may have committed', async () => {
  const response = await run('mutation { touch(company: "3", fail: true) { seen } }');
  expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.message).toBe(
    'provider refused',
  );
  expect(log).toEqual(['forget shared', 'touch 3', 'invalidate demo/3']);
});

it('leaves queries alone', async () => {
  await run('{ read }');
  expect(log).toEqual(['read']);
});
