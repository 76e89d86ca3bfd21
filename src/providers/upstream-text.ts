/**
 * Upstream error text reduced to what may be shown. Threat: a provider's error body may echo the
 * request (headers with the bearer token, the login form with the password, the body), so its text
 * never reaches a response or a log line as is: only an error code of the expected spelling, or the
 * names of known parameters it mentions, are kept.
 */

/** An upstream error code (`MISSING_CONTRA_ACCOUNTS`, `invalid_grant`) when `text` is one, else null. */
export function upstreamErrorCode(text: string | null | undefined, known?: readonly string[]): string | null {
  if (!text || !/^[A-Za-z][A-Za-z0-9_.-]{1,63}$/.test(text)) return null;
  return !known || known.includes(text) ? text : null;
}

/** The known parameter names `messages` mention (e.g. `dateDebut`), in `known`'s order; never their text. */
export function mentionedParameters(messages: readonly string[], known: readonly string[]): string[] {
  const words = new Set(messages.flatMap((message) => message.split(/[^A-Za-z0-9_]+/)));
  return known.filter((name) => words.has(name));
}
