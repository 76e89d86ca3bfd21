// Issue 12's targets (and the other parts' earlier ones), each checked on the median of the runs that
// measured it: a part run several times gives one figure per run, the target is MET only if the median
// holds, and the spread (min–max) is shown beside it. Pure: reads the results object, starts nothing.
'use strict';
const { summarise } = require('./stats.cjs');

const ratio = (digits) => (v) => `×${v.toFixed(digits)}`;
const mb = (v) => `${v.toFixed(0)} MB`;
const ms = (v) => `${v.toFixed(0)} ms`;
const count = (v) => v.toFixed(0);

/** Bulk formats of part 3, and the passes that may run two at once on one gateway. */
const BULK_FORMATS = ['JSONL', 'CSV', 'FEC'];
const PAIRABLE = ['pages', ...BULK_FORMATS];
const ALL_PAIRS = PAIRABLE.flatMap((a, i) => PAIRABLE.slice(i + 1).map((b) => `${a}+${b}`));

/** Part 1 rows that are targets: 30 ms upstream, list cache off; the other rows are information. */
const OVERHEAD_BOUNDS = { company: 1.1, 'entries page of 50': 1.05, 'document + download URL': 1.1 };
const TARGET_LATENCY_MS = 30;
const TARGET_VARIANT = 'list cache off';

const overheadRow = (rows, caseName) =>
  rows.find(
    (r) => r.latencyMs === TARGET_LATENCY_MS && r.case === caseName && r.gatewayVariant === TARGET_VARIANT,
  );

const overheadTargets = () =>
  Object.entries(OVERHEAD_BOUNDS).map(([caseName, bound]) => ({
    part: 'gatewayVsDirect',
    name: `${TARGET_LATENCY_MS} ms upstream, ${TARGET_VARIANT}, ${caseName}: gateway p50 ≤ ${bound.toFixed(2)}× direct`,
    bound,
    // A run where either side had failed operations is no measure of the overhead: it is left out.
    value: (rows) => {
      const row = overheadRow(rows, caseName);
      return row && row.gateway.errors === 0 && row.direct.errors === 0 ? row.p50Ratio : undefined;
    },
    format: ratio(2),
  }));

const perRaw =
  (pass, field = 'ms') =>
  (le) =>
    pass(le) && le.raw ? pass(le)[field] / le.raw.ms : undefined;

function largeExerciseTargets(pairNames) {
  const pages = (le) => le.pages;
  const bulk = (format) => (le) => le.bulk?.[format];
  return [
    { name: 'pages of 500: peak RSS ≤ 200 MB', bound: 200, value: (le) => pages(le)?.peakRssMb, format: mb },
    { name: 'pages of 500: time ≤ 2× raw download+parse', bound: 2, value: perRaw(pages), format: ratio(2) },
    {
      name: 'first page ≤ 0.05× raw download+parse',
      bound: 0.05,
      value: perRaw(pages, 'firstPageMs'),
      format: ratio(3),
    },
    ...BULK_FORMATS.flatMap((format) => [
      {
        name: `bulk export ${format}: peak RSS ≤ 160 MB`,
        bound: 160,
        value: (le) => bulk(format)(le)?.peakRssMb,
        format: mb,
      },
      {
        name: `bulk export ${format}: time ≤ 1.0× raw download+parse`,
        bound: 1,
        value: perRaw(bulk(format)),
        format: ratio(2),
      },
    ]),
    ...pairNames.map((pair) => ({
      name: `${pair.replace('+', ' and ')} at once on one gateway: peak RSS ≤ 300 MB`,
      bound: 300,
      value: (le) => le.pairs?.find((p) => p.name === pair)?.peakRssMb,
      format: mb,
    })),
  ].map((t) => ({ ...t, part: 'largeExercise' }));
}

function upstreamRequestTargets(rows) {
  return rows.map((row) => ({
    part: 'upstreamRequests',
    name: `${row.query}: upstream requests = distinct resources`,
    bound: 0,
    value: (all) => {
      const r = all.find((candidate) => candidate.query === row.query);
      return r && r.upstreamRequests - r.distinctResources;
    },
    format: (v) => `${count(v)} over`,
    detail: (all) => {
      const r = all.find((candidate) => candidate.query === row.query);
      return `${r.upstreamRequests} requests, ${r.distinctResources} distinct (naive ${r.naive})`;
    },
  }));
}

const coldStartTargets = () =>
  [
    ['cold start (node dist/src/main.js) < 2 s', 'nodeMedianMs'],
    ['cold start (npm start) < 2 s', 'npmStartMedianMs'],
  ].map(([name, field]) => ({
    part: 'coldStart',
    name,
    bound: 2000,
    strict: true,
    value: (c) => c[field],
    format: ms,
  }));

function frontendSessionTargets() {
  // A session cut short by errors makes its per-page and time figures look better than they are.
  const complete = (s) => s.limited.errors === 0 && s.limited.requests === s.unlimited.requests;
  const cut = (s) =>
    complete(s) ? '' : ` (session incomplete: ${s.limited.requests} of ${s.unlimited.requests} requests)`;
  return [
    {
      name: 'frontend session under the limits: 0 errors',
      bound: 0,
      value: (s) => s.limited.errors,
      detail: (s) => `${s.limited.errors} errors`,
    },
    {
      name: 'frontend session: 0 429s reaching the client',
      bound: 0,
      value: (s) => s.limited.rateLimited,
      detail: (s) =>
        `${s.limited.rateLimited} UPSTREAM_RATE_LIMITED (${s.limited.upstream429} upstream 429s absorbed)`,
    },
    {
      name: 'frontend session: upstream requests per later page ≤ 1',
      bound: 1,
      value: (s) => (complete(s) ? s.limited.laterPages.mean : Infinity),
      detail: (s) =>
        `${s.limited.laterPages.mean.toFixed(2)} on average over ${s.limited.laterPages.pages} pages (max ${s.limited.laterPages.max})${cut(s)}`,
    },
    {
      name: 'frontend session: time ≤ 2× the time the quota imposes (requests ÷ 2 per s)',
      bound: 2,
      value: (s) => (complete(s) ? s.limited.ms / s.limited.quotaMs : Infinity),
      detail: (s) =>
        `${(s.limited.ms / 1000).toFixed(1)} s for ${s.limited.upstream} requests: ×${(s.limited.ms / s.limited.quotaMs).toFixed(2)}${cut(s)}`,
    },
    {
      name: 'large exercise walked under the quota: 0 errors',
      bound: 0,
      value: (s) => s.big.errors,
      detail: (s) =>
        `${s.big.errors} errors; ${(s.big.ms / 1000).toFixed(1)} s for ${s.big.upstream} requests (×${(s.big.ms / s.big.quotaMs).toFixed(2)} the quota time)`,
    },
  ].map((t) => ({ ...t, part: 'frontendSession' }));
}

/** The figures of one part, one per run (`results.parts[part].runs[i].result`). */
const samplesOf = (results, part) =>
  (results.parts?.[part]?.runs ?? []).map((run) => run.result).filter((r) => r !== undefined);

/** The targets that apply to what was measured (pairs and part 2's queries are those measured). */
function targetDefinitions(results) {
  const measuredPairs = new Set(
    samplesOf(results, 'largeExercise').flatMap((le) => (le.pairs ?? []).map((p) => p.name)),
  );
  const lastUpstream = samplesOf(results, 'upstreamRequests').at(-1) ?? [];
  return [
    ...overheadTargets(),
    ...upstreamRequestTargets(lastUpstream),
    ...largeExerciseTargets(ALL_PAIRS.filter((pair) => measuredPairs.has(pair))),
    ...coldStartTargets(),
    ...frontendSessionTargets(),
  ];
}

/** One target checked on the median of its runs' figures. */
function evaluateTarget(target, samples) {
  const values = samples.map((s) => target.value(s)).filter((v) => typeof v === 'number' && !Number.isNaN(v));
  const { median, min, max, count: runs } = summarise(values);
  const holds = (v) => (target.strict ? v < target.bound : v <= target.bound);
  const format = target.format ?? count;
  const measured =
    runs === 0 ? 'not measured' : target.detail ? target.detail(samples.at(-1)) : format(median);
  return {
    part: target.part,
    name: target.name,
    bound: target.bound,
    values,
    median,
    min,
    max,
    runs,
    measured,
    spread: runs > 1 ? `${format(min)}–${format(max)}` : '',
    met: runs > 0 && holds(median),
  };
}

/** Every target of the parts present in `results`, each on the median of its runs. */
function evaluateTargets(results) {
  return targetDefinitions(results)
    .map((target) => ({ target, samples: samplesOf(results, target.part) }))
    .filter(({ samples }) => samples.length > 0)
    .map(({ target, samples }) => evaluateTarget(target, samples));
}

module.exports = {
  ALL_PAIRS,
  BULK_FORMATS,
  OVERHEAD_BOUNDS,
  TARGET_LATENCY_MS,
  TARGET_VARIANT,
  evaluateTargets,
  samplesOf,
};
