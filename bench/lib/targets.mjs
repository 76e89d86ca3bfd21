// The issue's targets, each checked against the figures of the same run.
export function evaluateTargets(results) {
  const targets = [];
  const add = (name, met, measured) => targets.push({ name, met, measured });
  for (const row of results.gatewayVsDirect?.filter((r) => r.latencyMs === 30) ?? [])
    add(
      `30 ms upstream, ${row.case}${row.gatewayVariant ? ` (${row.gatewayVariant})` : ''}: gateway p50 ≤ 1.15× direct`,
      row.p50Ratio <= 1.15,
      `×${row.p50Ratio.toFixed(2)}`,
    );
  for (const row of results.upstreamRequests ?? [])
    add(
      `${row.query}: upstream requests = distinct resources`,
      row.upstreamRequests === row.distinctResources,
      `${row.upstreamRequests} requests, ${row.distinctResources} distinct (naive ${row.naive})`,
    );
  const large = results.largeExercise;
  if (large) {
    const { raw, pages, bulk } = large;
    add('pages of 500: peak RSS < 256 MB', pages.peakRssMb < 256, `${pages.peakRssMb.toFixed(0)} MB`);
    add(
      'pages of 500: time ≤ 2× raw download+parse',
      pages.ms <= 2 * raw.ms,
      `×${(pages.ms / raw.ms).toFixed(2)}`,
    );
    add('bulk export: peak RSS < 200 MB', bulk.peakRssMb < 200, `${bulk.peakRssMb.toFixed(0)} MB`);
    add(
      'bulk export: time ≤ 1.5× raw download+parse',
      bulk.ms <= 1.5 * raw.ms,
      `×${(bulk.ms / raw.ms).toFixed(2)}`,
    );
    add(
      'first page < 0.1× raw download+parse',
      pages.firstPageMs < 0.1 * raw.ms,
      `×${(pages.firstPageMs / raw.ms).toFixed(3)}`,
    );
  }
  const cold = results.coldStart;
  if (cold) {
    add(
      'cold start (node dist/src/main.js) < 2 s',
      cold.nodeMedianMs < 2000,
      `${cold.nodeMedianMs.toFixed(0)} ms`,
    );
    add(
      'cold start (npm start) < 2 s',
      cold.npmStartMedianMs < 2000,
      `${cold.npmStartMedianMs.toFixed(0)} ms`,
    );
  }
  return targets;
}
