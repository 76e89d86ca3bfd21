export interface BenchSettings {
  parts: number[];
  runs: number;
  durationMs: number;
  warmupMs: number;
  latencies: number[];
  movements: number;
  coldRuns: number;
  pairs: string[];
}
export function estimateSeconds(settings: BenchSettings): {
  perPart: Record<string, number>;
  total: number;
};
