/**
 * Error masking (Apollo `formatError`). Threat: internal details (stack traces, upstream bodies,
 * URLs with credentials) leaking to callers through unexpected exceptions. Only Grand Livre's own
 * errors and GraphQL request errors (parse, validation, variables) keep their message; anything else
 * thrown during execution becomes a generic INTERNAL_SERVER_ERROR (it is logged with the request
 * id by the log-errors plugin). The shared store unreachable becomes STORE_UNAVAILABLE (retryable).
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ArgumentError,
  ErrorCode,
  LimitExceededError,
  RouteNotGrantedError,
  StoreOutageError,
  isGrandLivreError,
} from '../../errors';
import { StoreUnavailableError } from '../../store/errors';

export const INTERNAL_MESSAGE = 'Unexpected error. Quote the request id (x-request-id) when reporting it.';

/** True when the error is an expected one whose message may be shown. */
export function isExposedError(error: unknown): boolean {
  const unwrapped = unwrapResolverError(error);
  if (isGrandLivreError(unwrapped)) return true;
  // Without a path the error is about the request itself (syntax, validation, variable coercion).
  return (
    unwrapped instanceof GraphQLError &&
    !unwrapped.path &&
    unwrapped.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR
  );
}

/** A refused route fails a field as a whole, no argument at fault: `field` is its response key. */
function refusedField(error: unknown, path: GraphQLFormattedError['path']): { field?: string } {
  if (!(unwrapResolverError(error) instanceof RouteNotGrantedError)) return {};
  const field = path?.findLast((key): key is string => typeof key === 'string');
  return field ? { field } : {};
}

export function maskUnexpectedErrors(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  // Our errors reported by validation (use-argument-checks.ts, limits/document-limits.ts): answered as they are.
  if (
    error instanceof GraphQLError &&
    (error.originalError instanceof ArgumentError || error.originalError instanceof LimitExceededError)
  ) {
    const { message, path, extensions } = error.originalError.toJSON();
    const { http: _http, ...rest } = extensions ?? {};
    return {
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      path,
      extensions: rest,
    };
  }
  // The shared store down is an outage the client can wait out: typed and retryable, never masked.
  if (unwrapResolverError(error) instanceof StoreUnavailableError) {
    const outage = new StoreOutageError();
    return {
      message: outage.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: outage.extensions,
    };
  }
  if (isExposedError(error)) {
    // Transport hints (`http`) are for the server, not the client.
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, ...refusedField(error, formatted.path) } };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
