import { GraphQLError } from 'graphql';
import { maskUnexpectedErrors, INTERNAL_MESSAGE } from '../../../src/server/plugins/mask-errors';
import { NotFoundError } from '../../../src/errors';

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['company'], originalError: original });

describe('error masking', () => {
  it('keeps Grand Livre errors and drops transport hints', () => {
    const error = resolverError(new NotFoundError('Company', 'id'));
    expect(maskUnexpectedErrors(error.toJSON(), error)).toMatchObject({
      message: 'Company not found.',
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
  });

  it('masks anything else thrown while resolving', () => {
    const error = resolverError(new Error('ECONNREFUSED 10.0.0.3 password=hunter2'));
    expect(maskUnexpectedErrors(error.toJSON(), error)).toEqual({
      message: INTERNAL_MESSAGE,
      path: ['company'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps request errors (syntax, validation)', () => {
    const error = new GraphQLError('Syntax Error: Unexpected Name "x".', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(maskUnexpectedErrors(error.toJSON(), error).message).toMatch(/Syntax Error/);
  });
});
