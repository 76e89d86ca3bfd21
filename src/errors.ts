import { GraphQLError, type ASTNode } from 'graphql';

/** The stable `extensions.code` values of the public API. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  UNSUPPORTED_BY_PROVIDER: 'UNSUPPORTED_BY_PROVIDER',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_INVALID_RESPONSE: 'UPSTREAM_INVALID_RESPONSE',
  UPSTREAM_BAD_DATA: 'UPSTREAM_BAD_DATA',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  IDEMPOTENCY_OUTCOME_UNCERTAIN: 'IDEMPOTENCY_OUTCOME_UNCERTAIN',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ProviderName = 'JEPILOTE' | 'MYUNISOFT' | 'INQOM' | 'PLEO';

abstract class GrandLivreError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(
    message: string,
    code: ErrorCode,
    extensions: Record<string, unknown> = {},
    at: { nodes?: readonly ASTNode[]; path?: readonly (string | number)[] } = {},
  ) {
    super(message, { ...at, extensions: { code, ...extensions } });
  }
}

/**
 * Thrown when an argument breaks a rule; `field` names the argument path at fault (e.g. `filter.from`).
 * `httpStatus` (default none: 200 with the error in `errors`) is for input refused as a whole (uploads).
 */
export class BadUserInputError extends GrandLivreError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    message: string,
    readonly field?: string,
    httpStatus?: number,
  ) {
    super(message, ErrorCode.BAD_USER_INPUT, {
      ...(field ? { field } : {}),
      ...(httpStatus ? { http: { status: httpStatus } } : {}),
    });
  }
}

/**
 * Thrown before execution when an argument value — literal or variable, of a root or a nested field —
 * breaks its type or a rule: the whole operation is refused (no `data`, nothing called). `field` is the
 * argument path (`filter.from`), `path` the response path of the field that takes it.
 */
export class ArgumentError extends GrandLivreError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    message: string,
    readonly field: string,
    path: readonly (string | number)[],
    nodes: readonly ASTNode[],
  ) {
    super(message, ErrorCode.BAD_USER_INPUT, { field, http: { status: 400 } }, { nodes, path });
  }
}

/**
 * Thrown when a request exceeds one of `config.limits` (query depth, cost, aliases, tokens, batch
 * size, upload size) before anything runs: `limit` names the config key and `max` its value.
 */
export class LimitExceededError extends GrandLivreError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    readonly limit: string,
    readonly max: number,
    message: string,
    options: { httpStatus?: number; field?: string } = {},
  ) {
    super(message, ErrorCode.BAD_USER_INPUT, {
      limit,
      max,
      ...(options.field ? { field: options.field } : {}),
      http: { status: options.httpStatus ?? 400 },
    });
  }
}

/** Thrown when the caller has no valid API key or unexpired access token. */
export class UnauthenticatedError extends GrandLivreError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(
    message = 'A valid API key or access token is required: send "Authorization: Bearer <key or token>".',
  ) {
    super(message, ErrorCode.UNAUTHENTICATED, { http: { status: 401 } });
  }
}

/**
 * Thrown when the caller is authenticated but the operation is not allowed for it (an access token
 * outside its scopes); `httpStatus` for an operation refused as a whole before it runs.
 */
export class ForbiddenError extends GrandLivreError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'This operation is not allowed for your API key.', httpStatus?: number) {
    super(message, ErrorCode.FORBIDDEN, httpStatus ? { http: { status: httpStatus } } : {});
  }
}

/** Thrown for an id that does not exist or belongs to another tenant: the two are indistinguishable. */
export class NotFoundError extends GrandLivreError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(what: string, field?: string) {
    super(`${what} not found.`, ErrorCode.NOT_FOUND, field ? { field } : {});
  }
}

/** Thrown when a company's provider cannot do what the query asks (movements of a Pleo company, say). */
export class UnsupportedByProviderError extends GrandLivreError {
  readonly code = ErrorCode.UNSUPPORTED_BY_PROVIDER;
  constructor(provider: ProviderName, capability: string) {
    super(`${provider} does not support ${capability}.`, ErrorCode.UNSUPPORTED_BY_PROVIDER, {
      provider,
      capability,
    });
  }
}

/**
 * Thrown when the tenant's provider credential may not call the route a field needs (MyUnisoft lists a
 * token's routes): before any call to it, or when the provider refuses it. `route` names it for the
 * tenant's admin to grant; the response names the field (mask-errors.ts) and keeps its siblings' data.
 */
export class RouteNotGrantedError extends GrandLivreError {
  readonly code = ErrorCode.UNSUPPORTED_BY_PROVIDER;
  constructor(
    readonly provider: ProviderName,
    readonly route: string,
  ) {
    super(
      `${provider}: the tenant's API token may not call ${route}; grant that route to the token at ${provider}.`,
      ErrorCode.UNSUPPORTED_BY_PROVIDER,
      { provider, route },
    );
  }
}

/**
 * Thrown when a mutation with the same idempotency key and input is still running (on this or another
 * instance) after the wait bound: retryable, the retry gets the recorded outcome once it finishes.
 */
export class IdempotencyInProgressError extends GrandLivreError {
  readonly code = ErrorCode.IDEMPOTENCY_IN_PROGRESS;
  constructor(retryAfterSeconds: number) {
    super(
      'A request with this idempotency key is still in progress; retry with the same key later.',
      ErrorCode.IDEMPOTENCY_IN_PROGRESS,
      { field: 'input.idempotencyKey', retryable: true, retryAfterSeconds },
    );
  }
}

/**
 * Thrown when an earlier attempt with this idempotency key may have reached the provider but its
 * outcome is not known yet (timed out, answer lost, instance gone): retryable after
 * `retryAfterSeconds`, when the gateway looks again; it writes again only once the provider provably
 * has nothing.
 */
export class IdempotencyOutcomeUncertainError extends GrandLivreError {
  readonly code = ErrorCode.IDEMPOTENCY_OUTCOME_UNCERTAIN;
  constructor(readonly retryAfterSeconds: number) {
    super(
      'The outcome of an earlier attempt with this idempotency key is not known yet; retry with the same key later.',
      ErrorCode.IDEMPOTENCY_OUTCOME_UNCERTAIN,
      { field: 'input.idempotencyKey', retryable: true, retryAfterSeconds },
    );
  }
}

/**
 * Thrown when the shared store (Redis) is down or stalled past its command timeout where nothing can
 * stand in for it: a keyed mutation before its write, or a record only the store holds. Retryable
 * after `retryAfterSeconds`; reads that can do without the store degrade instead.
 */
export class StoreOutageError extends GrandLivreError {
  readonly code = ErrorCode.STORE_UNAVAILABLE;
  constructor(retryAfterSeconds = 5) {
    super(
      'The gateway cannot reach its shared store; retry later (a mutation with the same idempotency key).',
      ErrorCode.STORE_UNAVAILABLE,
      { retryable: true, retryAfterSeconds },
    );
  }
}

type UpstreamCode =
  | typeof ErrorCode.UPSTREAM_ERROR
  | typeof ErrorCode.UPSTREAM_TIMEOUT
  | typeof ErrorCode.UPSTREAM_RATE_LIMITED
  | typeof ErrorCode.UPSTREAM_INVALID_RESPONSE
  | typeof ErrorCode.UPSTREAM_BAD_DATA;

/**
 * Thrown when a provider call fails. The message never carries the upstream body or URL query
 * (they may echo credentials); `status` is the upstream HTTP status when there was one.
 */
export class UpstreamError extends GrandLivreError {
  readonly code: UpstreamCode;
  constructor(
    readonly provider: ProviderName,
    code: UpstreamCode,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    /** The provider's own error code (e.g. `ERR-FOLDER-NOT-FOUND`), already checked against its shape. */
    readonly upstreamCode?: string,
  ) {
    super(`${provider}: ${message}`, code, {
      provider,
      ...(status ? { upstreamStatus: status } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(upstreamCode !== undefined ? { upstreamCode } : {}),
    });
    this.code = code;
  }

  /** The same error naming the provider's own code. */
  withUpstreamCode(upstreamCode: string): UpstreamError {
    const message = this.message.slice(`${this.provider}: `.length);
    return new UpstreamError(
      this.provider,
      this.code,
      message,
      this.status,
      this.retryAfterSeconds,
      upstreamCode,
    );
  }
}

/**
 * Thrown, or reported beside the rest of a page, when one row of a provider's answer breaks its
 * contract (an amount with 3 decimals, amount ≠ credit − debit, a null where text is due): `row`
 * names it (`movement 148627082`), `reason` is the gateway's own words, never the upstream value.
 */
export class UpstreamBadDataError extends UpstreamError {
  constructor(
    provider: ProviderName,
    readonly row: string,
    readonly reason: string,
  ) {
    super(provider, ErrorCode.UPSTREAM_BAD_DATA, `${row}: ${reason}`);
    Object.assign(this.extensions, { row, reason });
  }
}

export const isGrandLivreError = (error: unknown): error is GrandLivreError =>
  error instanceof GrandLivreError;
