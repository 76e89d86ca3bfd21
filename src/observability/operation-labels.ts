/**
 * Bounded `operation` label values. Operation names are chosen by clients: a client generating a new
 * name per request would otherwise create a new time series each time and exhaust Prometheus.
 */

/** Distinct operation names kept as labels (default); later ones are counted as `other`. */
export const DEFAULT_MAX_OPERATION_LABELS = 200;
const MAX_NAME_LENGTH = 100;

export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max = DEFAULT_MAX_OPERATION_LABELS) {}

  /** `name` while under the cap (or already seen), `anonymous` without one, `other` beyond the cap. */
  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max || name.length > MAX_NAME_LENGTH) return 'other';
    this.known.add(name);
    return name;
  }
}
