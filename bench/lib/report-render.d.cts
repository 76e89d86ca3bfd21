import type { BenchResults } from './targets.cjs';
export function renderReport(
  results: BenchResults,
  options?: { notes?: string; ledger?: string | null },
): string;
