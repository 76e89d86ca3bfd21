/**
 * Typed errors of the partner SDK: one class per `extensions.code` of the API (error-codes.ts's
 * `ErrorCode`), all extending `GrandLivreError`, so callers write `catch (e) { if (e instanceof
 * NotFoundError) … }`. Transport failures (network, non-GraphQL HTTP answers) extend it too.
 */
import { ErrorCode } from './error-codes';

/** One error of a GraphQL response, as the gateway sends it. */
export interface GraphQLErrorPayload {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GrandLivreErrorDetails {
  /** The argument at fault (e.g. `input.idempotencyKey`), or the field refused whole (a provider route not granted). */
  field?: string | undefined;
  /** Where in the result the error happened (e.g. `['company', 'exportJobs']`). */
  path?: readonly (string | number)[] | undefined;
  /** The partial `data` of the response: the fields that did resolve. */
  data?: unknown;
  /** Every `extensions` entry of the error, `code` included. */
  extensions?: Record<string, unknown> | undefined;
  /** The HTTP status of the answer, when there was one. */
  httpStatus?: number | undefined;
  /** The gateway's `x-request-id`: quote it when reporting a problem. */
  requestId?: string | undefined;
  cause?: unknown;
}

/** Base of every error the SDK throws; `code` is the API's `extensions.code` (or a transport code). */
export class GrandLivreError extends Error {
  readonly field: string | undefined;
  readonly path: readonly (string | number)[] | undefined;
  readonly data: unknown;
  readonly extensions: Record<string, unknown>;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  /** The other errors of the same response, when it carried several (this one is the first). */
  others: GrandLivreError[] = [];

  constructor(
    message: string,
    readonly code: string,
    details: GrandLivreErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.field = details.field;
    this.path = details.path;
    this.data = details.data;
    this.extensions = details.extensions ?? { code };
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
  }

  /** `extensions[key]` when it is a number (e.g. `retryAfterSeconds`). */
  protected numberExtension(key: string): number | undefined {
    const value = this.extensions[key];
    return typeof value === 'number' ? value : undefined;
  }

  protected stringExtension(key: string): string | undefined {
    const value = this.extensions[key];
    return typeof value === 'string' ? value : undefined;
  }
}

/** An argument breaks a rule (`field` names it), or a query limit was exceeded (`limit`, `max`): fix the call. */
export class BadUserInputError extends GrandLivreError {
  get limit() {
    return this.stringExtension('limit');
  }
  get max() {
    return this.numberExtension('max');
  }
}
/** No valid API key was sent: check the key given to the client. */
export class UnauthenticatedError extends GrandLivreError {}
/** The key is valid but may not do this. */
export class ForbiddenError extends GrandLivreError {}
/** The id does not exist or belongs to another tenant (the two are indistinguishable). */
export class NotFoundError extends GrandLivreError {}
/** The company's provider cannot do this (movements of a Pleo company, say); see `capabilities`. */
export class UnsupportedByProviderError extends GrandLivreError {
  get provider() {
    return this.stringExtension('provider');
  }
  get capability() {
    return this.stringExtension('capability');
  }
  /** The provider route the tenant's token may not call (MyUnisoft route lists), when that is the reason. */
  get route() {
    return this.stringExtension('route');
  }
}

/** Base of the four upstream codes: `provider` failed; other providers' data is still in `data`. */
export class UpstreamError extends GrandLivreError {
  get provider() {
    return this.stringExtension('provider');
  }
  get upstreamStatus() {
    return this.numberExtension('upstreamStatus');
  }
  get retryAfterSeconds() {
    return this.numberExtension('retryAfterSeconds');
  }
  /** The provider's own error code (e.g. MyUnisoft's `ERR-FOLDER-NOT-FOUND`), when it sent one. */
  get upstreamCode() {
    return this.stringExtension('upstreamCode');
  }
}
/** The provider failed (5xx, reset, refused credentials, open circuit): retry later. */
export class UpstreamServiceError extends UpstreamError {}
/** The provider did not answer in time: retry later. */
export class UpstreamTimeoutError extends UpstreamError {}
/** The provider rate-limited the gateway: retry after `retryAfterSeconds`. */
export class UpstreamRateLimitedError extends UpstreamError {}
/** The provider answered something the gateway could not read: report it with `requestId`. */
export class UpstreamInvalidResponseError extends UpstreamError {}
/**
 * One row of the provider's answer was malformed (`row` names it, `reason` says what): it is left out,
 * the rest of `data` is there. Report it with `requestId`; retrying does not help until the row is fixed.
 */
export class UpstreamBadDataError extends UpstreamError {
  get row() {
    return this.stringExtension('row');
  }
  get reason() {
    return this.stringExtension('reason');
  }
}

/** A mutation with the same idempotency key is still running: retry with the same key later. */
export class IdempotencyInProgressError extends GrandLivreError {
  get retryAfterSeconds() {
    return this.numberExtension('retryAfterSeconds');
  }
}
/**
 * An earlier attempt with this idempotency key may have reached the provider and its outcome is not
 * known yet: retry with the same key after `retryAfterSeconds` (never with a new key: that may write twice).
 */
export class IdempotencyOutcomeUncertainError extends GrandLivreError {
  get retryAfterSeconds() {
    return this.numberExtension('retryAfterSeconds');
  }
}
/** The gateway's shared store (Redis) is unreachable; nothing was sent to the provider: retry later. */
export class StoreUnavailableError extends GrandLivreError {
  get retryAfterSeconds() {
    return this.numberExtension('retryAfterSeconds');
  }
}
/** An unexpected gateway failure (masked): report it with `requestId`. */
export class InternalServerError extends GrandLivreError {}

/** The gateway could not be reached or stopped answering, after the retries allowed. */
export class GrandLivreNetworkError extends GrandLivreError {
  constructor(
    message: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(message, 'NETWORK_ERROR', { cause });
  }
}

/** An HTTP answer that is not a GraphQL response (a proxy's 502, say). */
export class GrandLivreHttpError extends GrandLivreError {}

type ErrorClass = new (message: string, code: string, details: GrandLivreErrorDetails) => GrandLivreError;

/** The class of each code of the API: a code the gateway adds later falls back to `GrandLivreError`. */
export const ERROR_CLASSES: Record<ErrorCode, ErrorClass> = {
  [ErrorCode.BAD_USER_INPUT]: BadUserInputError,
  [ErrorCode.UNAUTHENTICATED]: UnauthenticatedError,
  [ErrorCode.FORBIDDEN]: ForbiddenError,
  [ErrorCode.NOT_FOUND]: NotFoundError,
  [ErrorCode.UNSUPPORTED_BY_PROVIDER]: UnsupportedByProviderError,
  [ErrorCode.UPSTREAM_ERROR]: UpstreamServiceError,
  [ErrorCode.UPSTREAM_TIMEOUT]: UpstreamTimeoutError,
  [ErrorCode.UPSTREAM_RATE_LIMITED]: UpstreamRateLimitedError,
  [ErrorCode.UPSTREAM_INVALID_RESPONSE]: UpstreamInvalidResponseError,
  [ErrorCode.UPSTREAM_BAD_DATA]: UpstreamBadDataError,
  [ErrorCode.IDEMPOTENCY_IN_PROGRESS]: IdempotencyInProgressError,
  [ErrorCode.IDEMPOTENCY_OUTCOME_UNCERTAIN]: IdempotencyOutcomeUncertainError,
  [ErrorCode.STORE_UNAVAILABLE]: StoreUnavailableError,
  [ErrorCode.INTERNAL_SERVER_ERROR]: InternalServerError,
};

const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CLASSES, code);

/** The typed error of one GraphQL error; `data` is the response's partial data. */
export function toGrandLivreError(
  payload: GraphQLErrorPayload,
  context: { data?: unknown; httpStatus?: number; requestId?: string | undefined } = {},
): GrandLivreError {
  const extensions = payload.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'UNKNOWN';
  const ErrorType = isKnownCode(code) ? ERROR_CLASSES[code] : GrandLivreError;
  return new ErrorType(payload.message, code, {
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    path: payload.path,
    data: context.data,
    extensions,
    httpStatus: context.httpStatus,
    requestId: context.requestId,
  });
}

/** The first error of a response, typed, with the others attached to it. */
export function firstError(
  errors: readonly GraphQLErrorPayload[],
  context: { data?: unknown; httpStatus?: number; requestId?: string | undefined },
): GrandLivreError {
  const [first, ...others] = errors.map((error) => toGrandLivreError(error, context));
  if (!first) return new GrandLivreError('Empty error list.', 'UNKNOWN', context);
  first.others = others;
  return first;
}
