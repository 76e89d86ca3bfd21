/**
 * Counts a query's lexical tokens the way graphql's parser does for its `maxTokens` option (comments
 * excluded), stopping once past `max`: the work is bounded by the limit, not by the document.
 */
import { Lexer, Source, TokenKind } from 'graphql';

/** The token count, or `max + 1` as soon as the document has more than `max` tokens. */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) return count;
    }
  } catch {
    // A lexical error: the parser reports it with its position.
  }
  return count;
}
