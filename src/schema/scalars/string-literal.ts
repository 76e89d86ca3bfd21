/**
 * A string scalar's `parseLiteral` from its `parseValue`. A refusal is re-thrown as a plain Error:
 * graphql's validation then reports it with the literal's location (a GraphQLError it would report
 * without one), so the argument check can name the argument, exactly as for a variable.
 */
import { Kind, type ValueNode } from 'graphql';

export function parseStringLiteral<T>(expected: string, parseValue: (value: unknown) => T) {
  return (ast: ValueNode): T => {
    if (ast.kind !== Kind.STRING) throw new TypeError(expected);
    try {
      return parseValue(ast.value);
    } catch (error) {
      throw new TypeError((error as Error).message);
    }
  };
}
