export interface PartRun {
  run: number;
  date?: string;
  seconds?: number;
  loadBefore?: number[];
  loadAfter?: number[];
  result?: unknown;
  /** Set when the run failed: what went wrong (then there is no result). */
  error?: string;
}
export interface PartRuns {
  runs: PartRun[];
  /** Set when the part was not run this time: the date of the results its figures come from. */
  keptFrom?: string;
}
export interface BenchResults {
  parts?: Record<string, PartRuns | undefined>;
  [key: string]: unknown;
}
export interface TargetResult {
  part: string;
  name: string;
  bound: number;
  values: number[];
  median: number;
  min: number;
  max: number;
  runs: number;
  measured: string;
  spread: string;
  met: boolean;
}
export const ALL_PAIRS: string[];
export const BULK_FORMATS: string[];
export const OVERHEAD_BOUNDS: Record<string, number>;
export const TARGET_LATENCY_MS: number;
export const TARGET_VARIANT: string;
export function evaluateTargets(results: BenchResults): TargetResult[];
export function samplesOf(results: BenchResults, part: string): unknown[];
