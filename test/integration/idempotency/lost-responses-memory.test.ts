/** Lost answers and retries with one gateway on the in-memory store (see lost-response-scenarios.ts). */
import { startStack, type Stack } from '../../support/stack';
import { SHORT_UNCERTAINTY, lostResponseScenarios } from './lost-response-scenarios';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    configure: (config) => ({ ...config, logLevel: 'silent', idempotency: SHORT_UNCERTAINTY }),
  });
});
afterAll(() => stack.close());

describe('idempotent mutations on the in-memory store', () => {
  lostResponseScenarios(() => ({ first: stack, retry: stack }));
});
