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
  const session = results.frontendSession;
  if (session) {
    const { limited, big } = session;
    // A session cut short by errors makes its per-page and time figures look better than they are.
    const complete = limited.errors === 0 && limited.requests === session.unlimited.requests;
    const cut = complete
      ? ''
      : ` (session incomplete: ${limited.requests} of ${session.unlimited.requests} requests)`;
    add('frontend session under the limits: 0 errors', limited.errors === 0, `${limited.errors} errors`);
    add(
      'frontend session: 0 429s reaching the client',
      limited.rateLimited === 0,
      `${limited.rateLimited} UPSTREAM_RATE_LIMITED (${limited.upstream429} upstream 429s absorbed)`,
    );
    add(
      'frontend session: upstream requests per later page ≤ 1',
      complete && limited.laterPages.mean <= 1,
      `${limited.laterPages.mean.toFixed(2)} on average over ${limited.laterPages.pages} pages (max ${limited.laterPages.max})${cut}`,
    );
    add(
      'frontend session: time ≤ 2× the time the quota imposes (requests ÷ 2 per s)',
      complete && limited.ms <= 2 * limited.quotaMs,
      `${(limited.ms / 1000).toFixed(1)} s for ${limited.upstream} requests: ×${(limited.ms / limited.quotaMs).toFixed(2)}${cut}`,
    );
    add(
      'large exercise walked under the quota: 0 errors',
      big.errors === 0,
      `${big.errors} errors; ${(big.ms / 1000).toFixed(1)} s for ${big.upstream} requests (×${(big.ms / big.quotaMs).toFixed(2)} the quota time)`,
    );
  }
  return targets;
}
