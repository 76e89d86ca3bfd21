/** `DateTime`: an instant, served as ISO 8601 in UTC (`2023-03-24T17:05:21.380Z`). */
import { GraphQLScalarType } from 'graphql';
import { BadUserInputError } from '../../errors';
import { parseStringLiteral } from './string-literal';

// A zone is required on input: a bare local time is ambiguous.
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !SHAPE.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseDateTime(value: unknown): string {
  const instant = toInstant(value);
  if (!instant)
    throw new BadUserInputError(`DateTime must be ISO 8601 with a zone, got ${JSON.stringify(value)}.`);
  return instant.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 in UTC, e.g. "2023-03-24T17:05:21.380Z".',
  serialize(value) {
    const instant = toInstant(value);
    if (!instant) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return instant.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: parseStringLiteral('DateTime must be a string.', parseDateTime),
});
