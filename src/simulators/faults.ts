/**
 * Scriptable fault injection, per simulator and per route: tests call `simulator.faults.add(...)`
 * or `POST /__admin/faults` with the same JSON. A fault matches on method and a path regex and fires
 * `times` times (default: until cleared).
 */
export type FaultKind =
  | 'latency' // delay the answer by `ms`, then answer normally
  | 'status' // answer `status` (default 503) with a JSON error body
  | 'rate_limit' // answer 429 with `Retry-After: retryAfter` (default 1)
  | 'reset' // destroy the connection before answering
  | 'stall' // send headers and part of the body, then stall until the client gives up
  | 'malformed_json' // answer 200 with a body that is not JSON
  | 'drift' // answer 200 with JSON whose shape drifted (keys renamed)
  | 'reset_after_commit' // run the handler (the write commits), then destroy the connection
  | 'slow_commit' // read the request, wait `ms`, then run the handler (commits) even if the client left
  | 'echo'; // answer `status` (default 400) with an error body echoing the request: headers, body, credentials

export interface FaultSpec {
  kind: FaultKind;
  method?: string;
  /** Regex source matched against the path (no query). Default: every route. */
  path?: string;
  times?: number;
  ms?: number;
  status?: number;
  retryAfter?: number;
  /** For `echo`: `error` as a list of lines (Jepilote's `error[]`) instead of one string (OAuth2's `error`). */
  errorList?: boolean;
}

interface ActiveFault extends FaultSpec {
  regex: RegExp | null;
  remaining: number;
}

export class FaultPlan {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({
      ...spec,
      regex: spec.path ? new RegExp(spec.path) : null,
      remaining: spec.times ?? Infinity,
    });
  }

  clear(): void {
    this.faults = [];
  }

  get size(): number {
    return this.faults.length;
  }

  /** Takes the first matching fault (consuming one of its `times`), or undefined. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.regex || f.regex.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/**
 * An error body that echoes the whole request in every field a provider's error parser reads, each
 * value in several spellings (raw, URL-encoded, base64), as some real APIs do on a 400.
 */
export function echoBody(
  request: { method: string; url: string; headers: Record<string, unknown>; body: unknown },
  errorList: boolean,
): Record<string, unknown> {
  const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : JSON.stringify(request.body);
  const raw = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`),
    body ?? '',
  ];
  const lines = raw.flatMap((line) => [line, encodeURIComponent(line), Buffer.from(line).toString('base64')]);
  const text = lines.join('\n');
  return {
    success: false,
    file: null,
    message: text,
    type: text,
    title: text,
    detail: text,
    error_description: text,
    error: errorList ? lines : text,
    errors: [{ message: text }],
  };
}

/** Renames every object key (`id` → `id_v2`) so a strict client sees a drifted shape. */
export function driftShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(driftShape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${k}_v2`, driftShape(v)]));
  }
  return value;
}
