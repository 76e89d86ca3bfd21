/** The one reading of `Retry-After` (RFC 9110: delay-seconds or an HTTP-date), for retries and budget pauses. */

type Headers = Record<string, string | string[] | undefined>;

/** Seconds to wait as the header says, or undefined without a readable one; `now` dates an HTTP-date. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
