/**
 * SSRF guard for URLs a provider hands out and the gateway then fetches server side (Inqom's
 * `ThumbUrl`). Threat: a provider answer (tampered, compromised, or just odd) naming a host the
 * gateway can reach but the caller cannot — cloud metadata, the shared store, an internal service —
 * and the gateway streaming its answer back. Only URLs on an exact allowed origin are fetched: https,
 * or http on a loopback host (the simulators), never with credentials in the URL. Redirects are not
 * followed by the fetch (undici `request`), so an allowed host cannot bounce the gateway elsewhere.
 */

/** Hostnames that never leave the machine: the only ones plain http is allowed to. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

const parse = (url: string): URL | null => (URL.canParse(url) ? new URL(url) : null);

/** True for an https URL, or an http one on a loopback host. */
function isSafeScheme(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
}

/**
 * A provider-given URL fit to fetch at all: https or loopback http, no credentials. Inqom's document
 * links (Azure SAS, hosts not configured) get this floor; thumbnails the allowlist on top of it.
 */
export function isFetchableUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isSafeScheme(parsed) && !parsed.username && !parsed.password;
}

/** An origin the gateway may be allowed to fetch from: https, or http on loopback (config checks). */
export function isFetchableOrigin(origin: string): boolean {
  const url = parse(origin);
  return url !== null && url.origin === origin && isSafeScheme(url);
}

/** A URL fit for a log line: origin and path only (a query string may carry a signature or token). */
export function urlForLog(url: string): string {
  const parsed = parse(url);
  return parsed ? `${parsed.origin}${parsed.pathname}` : '(not a URL)';
}

/** The exact origins provider-given URLs may be fetched from. */
export class FetchAllowlist {
  private readonly origins: ReadonlySet<string>;

  /** `origins` are origins or URLs (their origin is taken); unsafe ones (plain http off loopback) are dropped. */
  constructor(origins: Iterable<string>) {
    const safe = [...origins].flatMap((o) => {
      const url = parse(o);
      return url && isSafeScheme(url) ? [url.origin] : [];
    });
    this.origins = new Set(safe);
  }

  allows(url: string): boolean {
    return isFetchableUrl(url) && this.origins.has(new URL(url).origin);
  }
}
