/**
 * `Decimal`: money as a string with exactly two decimals ("-264.44"). Resolvers hand it integer
 * cents and it prints them with formatCents, so no float ever touches an amount.
 */
import { GraphQLScalarType } from 'graphql';
import { formatCents, parseDecimalToCents, type Cents } from '../../domain/money';
import { BadUserInputError } from '../../errors';
import { parseStringLiteral } from './string-literal';

function parseDecimal(value: unknown): Cents {
  if (typeof value !== 'string') throw new BadUserInputError('Decimal must be a string such as "-264.44".');
  try {
    return parseDecimalToCents(value);
  } catch {
    throw new BadUserInputError(`Decimal must have at most two decimals, got ${JSON.stringify(value)}.`);
  }
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact amount as a string with two decimals, e.g. "-264.44". Never a float.',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new TypeError(`Decimal expects integer cents, got ${JSON.stringify(value)}`);
    }
    return formatCents(value);
  },
  parseValue: parseDecimal,
  parseLiteral: parseStringLiteral('Decimal must be a string such as "-264.44".', parseDecimal),
});
