/**
 * Capability checks: asking a company for something its provider cannot do is an
 * UNSUPPORTED_BY_PROVIDER error — never an empty list that pretends.
 */
import type { Capability } from '../domain/model';
import { UnsupportedByProviderError } from '../errors';
import type { ProviderSession } from '../providers/types';

type SessionMethod = {
  [K in keyof ProviderSession]-?: NonNullable<ProviderSession[K]> extends (...args: never[]) => unknown
    ? K
    : never;
}[keyof ProviderSession];

/** Returns the session's method bound to it, or throws when the method or capability is missing. */
export function requireMethod<K extends SessionMethod>(
  session: ProviderSession,
  method: K,
  capability: Capability,
): NonNullable<ProviderSession[K]> {
  const fn = session[method] as unknown;
  if (typeof fn !== 'function' || !session.capabilities.includes(capability)) {
    throw new UnsupportedByProviderError(session.provider, capability);
  }
  return fn.bind(session) as NonNullable<ProviderSession[K]>;
}
