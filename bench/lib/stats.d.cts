export interface Summary {
  median: number;
  min: number;
  max: number;
  count: number;
}
export function median(values: readonly number[]): number;
export function summarise(values: readonly number[]): Summary;
