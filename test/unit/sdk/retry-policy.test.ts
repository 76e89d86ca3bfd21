/** Which operations the SDK may send twice, which failures count as network ones, and the backoff bounds. */
import { parse } from 'graphql';
import {
  backoffDelayMs,
  isNetworkError,
  isSafeToRetry,
  operationOf,
} from '../../../packages/sdk/src/retry-policy';

const op = (source: string) => operationOf(parse(source));

describe('isSafeToRetry', () => {
  it('allows every query', () => {
    expect(isSafeToRetry(op('query { companies { totalCount } }'))).toBe(true);
  });

  it('allows a mutation only with a non-empty idempotencyKey, in variables or in the document', () => {
    const byVariables = op(
      'mutation M($input: CreateExportJobInput!) { createExportJob(input: $input) { id } }',
    );
    expect(isSafeToRetry(byVariables, { input: { companyId: 'c' } })).toBe(false);
    expect(isSafeToRetry(byVariables, { input: { companyId: 'c', idempotencyKey: '' } })).toBe(false);
    expect(isSafeToRetry(byVariables, { input: { companyId: 'c', idempotencyKey: 'k1' } })).toBe(true);
    const inline = op('mutation { createExportJob(input: { companyId: "c", idempotencyKey: "k1" }) { id } }');
    expect(isSafeToRetry(inline)).toBe(true);
    const viaVariable = op(
      'mutation M($k: String) { createExportJob(input: { companyId: "c", idempotencyKey: $k }) { id } }',
    );
    expect(isSafeToRetry(viaVariable, {})).toBe(false);
    expect(isSafeToRetry(viaVariable, { k: 'k1' })).toBe(true);
  });

  it('names the operation to run when a document holds several', () => {
    const document = parse('query A { companies { totalCount } } mutation B { x }');
    expect(operationOf(document, 'B').operation).toBe('mutation');
    expect(() => operationOf(document)).toThrow('operationName');
  });
});

describe('isNetworkError', () => {
  it('recognises refused, reset and timed-out connections, also as a cause', () => {
    expect(isNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))).toBe(true);
    const wrapped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });
    expect(isNetworkError(wrapped)).toBe(true);
    expect(isNetworkError(new Error('Unexpected token < in JSON'))).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('doubles the ceiling per attempt, jittered below it, and caps it', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 100, 10_000, top))).toEqual([100, 200, 400, 800]);
    expect(backoffDelayMs(10, 100, 1_000, top)).toBe(1_000);
    expect(backoffDelayMs(3, 100, 10_000, () => 0.5)).toBe(200);
    expect(backoffDelayMs(3, 100, 10_000, () => 0)).toBe(0);
  });
});
