// Summaries over repeated bench runs: a figure counts by its median, its spread is shown beside it.
'use strict';

/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median, min and max of the figures of several runs. */
function summarise(values) {
  return {
    median: median(values),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
    count: values.length,
  };
}

module.exports = { median, summarise };
