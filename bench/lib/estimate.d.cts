export interface BenchSettings {
  parts: number[];
  runs: number;
  durationMs: number;
  warmupMs: number;
  /** Part 1: requests of every case each side serves before any is measured (default 0). */
  prewarmOps?: number;
  latencies: number[];
  movements: number;
  coldRuns: number;
  pairs: string[];
}
export function estimateSeconds(settings: BenchSettings): {
  perPart: Record<string, number>;
  total: number;
};
