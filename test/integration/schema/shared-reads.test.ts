/**
 * Reads shared within one request (`ctx.once`: a read-ahead and its resolver, or the same page asked
 * twice) never outlive a mutation: in one mutation operation, the second export job's payload lists
 * the company's export jobs afresh and sees both jobs.
 */
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '../../support/stack';
import { demoCompany } from '../operations/fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', cache: { listTtlMs: 0 } }),
  });
});
afterAll(() => stack.close());

const TWO_EXPORTS = `mutation ($a: CreateExportJobInput!, $b: CreateExportJobInput!) {
  a: createExportJob(input: $a) { id company { exportJobs(first: 500) { edges { node { id } } } } }
  b: createExportJob(input: $b) { id company { exportJobs(first: 500) { edges { node { id } } } } }
}`;

interface Created {
  id: string;
  company: { exportJobs: { edges: { node: { id: string } }[] } };
}

it('lists export jobs afresh after each mutation of the same request', async () => {
  const companyId = demoCompany(stack.sims, 'jepilote').id;
  const input = (format: 'FEC' | 'ACD') => ({
    companyId,
    format,
    idempotencyKey: randomBytes(8).toString('hex'),
  });
  const { body } = await stack.gql(TWO_EXPORTS, { a: input('FEC'), b: input('ACD') });
  expect(body.errors).toBeUndefined();
  const { a, b } = body.data as { a: Created; b: Created };
  const listed = (created: Created) => created.company.exportJobs.edges.map((e) => e.node.id);
  expect(listed(a)).toContain(a.id);
  expect(listed(a)).not.toContain(b.id);
  expect(listed(b)).toEqual(expect.arrayContaining([a.id, b.id]));
});
