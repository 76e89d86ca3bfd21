/**
 * Thrown when the shared store cannot be reached or refuses a command (Redis down, wrong password,
 * timeout). Not a GraphQL error: the gateway masks it as INTERNAL_SERVER_ERROR and /readyz reports it.
 * Its message never carries the store URL's password.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** Thrown at start-up when the store configuration (e.g. `REDIS_URL`) is not usable. */
export class StoreConfigError extends Error {
  readonly code = 'STORE_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'StoreConfigError';
  }
}

/** Removes every spelling of `secret` (raw and percent-encoded) from `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), safeDecode(secret)])) {
      out = out.split(form).join('***');
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Thrown by a lease holder before a side effect once its lease may have lapsed (renewal refused or
 * unanswered past the deadline): a successor may be running, so this holder must not act.
 */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';
  constructor() {
    super('The lease on this operation lapsed before its next step; another attempt may run it.');
    this.name = 'LeaseLostError';
  }
}
