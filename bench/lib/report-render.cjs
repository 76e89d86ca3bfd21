// bench/RESULTS.md rendered from the results object: the targets on the median of the runs with their
// spread, each run's load average, then each part's table (medians over its runs). Pure: no files read.
'use strict';
const { median, summarise } = require('./stats.cjs');
const { OVERHEAD_BOUNDS, TARGET_LATENCY_MS, TARGET_VARIANT, samplesOf } = require('./targets.cjs');

const n = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const times = (count, what) => `${count} ${what}${count === 1 ? '' : 's'}`;
const load = (values) => (values ? values.map((l) => l.toFixed(2)).join(' / ') : '—');
/** "median (min–max)" of some numbers, or the one figure, or a dash when none. */
function withSpread(values, digits = 0) {
  const s = summarise(values.filter(Number.isFinite));
  if (s.count === 0) return '—';
  return s.count === 1
    ? n(s.median, digits)
    : `${n(s.median, digits)} (${n(s.min, digits)}–${n(s.max, digits)})`;
}

const PART_TITLES = {
  gatewayVsDirect: '1. gateway vs direct',
  upstreamRequests: '2. upstream requests',
  largeExercise: '3. large exercise',
  coldStart: '4. cold start',
  frontendSession: '5. frontend session',
};

function header(results) {
  const { environment: env, settings } = results;
  const minutes = (s) => `${(s / 60).toFixed(1)} min`;
  const kept = Object.entries(results.parts ?? {})
    .filter(([, part]) => part?.keptFrom)
    .map(([key, part]) => `${PART_TITLES[key]} keeps its figures of ${part.keptFrom}`);
  return [
    '# Benchmark results',
    '',
    `Run ${env.date} on ${env.cpu} (${env.cores} cores), Node ${env.node}, ${env.platform}; load average ` +
      `${load(env.loadBefore)} (1/5/15 min) at the start, ${load(env.loadAfter)} at the end; ` +
      `${minutes(env.totalSeconds)} in all (estimated ${minutes(env.estimatedSeconds)}). Produced by ` +
      `\`npm run bench\` (\`${env.argv}\`); every run's raw figures in \`results.json\`.` +
      (kept.length ? ` Not run this time: ${kept.join('; ')}.` : ''),
    '',
    `Parts 1 and 3 run ${times(settings.runs, 'time')} (part 1's sides interleaved within each run); each target is ` +
      'checked on the **median** of its runs, the spread (min–max) beside it, and is MET only if the median ' +
      'holds. Parts 2 and 4 run once (part 2 counts requests; part 4 is a median of its own cold starts). ' +
      'Part 5 (the frontend session, about 10 minutes) is opt-in so that `npm run bench` stays near 30 ' +
      "minutes: `node bench/run.mjs --parts=1,2,3,4,5`. Every measured gateway runs with node's default " +
      'flags: no heap cap, `NODE_OPTIONS` not passed on.',
  ];
}

function targetsTable(targets) {
  return [
    '',
    '## Targets',
    '',
    '| target | measured (median) | spread (min–max) | runs | |',
    '| --- | --- | --- | --- | --- |',
    ...targets.map(
      (t) =>
        `| ${t.name} | ${t.measured} | ${t.spread || '—'} | ${t.runs} | ${t.met ? 'MET' : '**NOT MET**'} |`,
    ),
  ];
}

function runsTable(results) {
  const rows = Object.entries(results.parts ?? {}).flatMap(([key, part]) =>
    (part?.runs ?? []).map(
      (r) =>
        `| ${PART_TITLES[key]} | ${r.run} | ${r.date ?? '—'} | ${n(r.seconds)} | ${load(r.loadBefore)} | ${load(r.loadAfter)} | ${r.error ? `**FAILED**: ${r.error}` : 'measured'} |`,
    ),
  );
  return [
    '',
    '## Runs and load average',
    '',
    '| part | run | started | s | load before (1/5/15 min) | load after | outcome |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function gatewayVsDirectSection(results) {
  const runs = samplesOf(results, 'gatewayVsDirect');
  if (runs.length === 0) return [];
  const key = (r) => `${r.case}|${r.gatewayVariant ?? ''}|${r.latencyMs}`;
  const groups = new Map();
  for (const rows of runs) for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const s = results.settings;
  const med = (rows, pick) => median(rows.map(pick).filter(Number.isFinite));
  const bound = (r) =>
    r.latencyMs === TARGET_LATENCY_MS && r.gatewayVariant === TARGET_VARIANT && OVERHEAD_BOUNDS[r.case]
      ? `≤ ${OVERHEAD_BOUNDS[r.case].toFixed(2)}`
      : 'information';
  return [
    '',
    `## 1. Gateway vs direct REST (${s.connections} connections, ${s.durationMs / 1000} s per side after ${s.warmupMs / 1000} s warm-up${s.prewarmOps ? `, every side having first served ${s.prewarmOps} requests of every case` : ''}, the sides interleaved in 5 slices${s.leadInMs ? `, each after ${s.leadInMs / 1000} s of unmeasured load` : ''}; medians of ${times(runs.length, 'run')})`,
    '',
    '| case | gateway | upstream latency | gateway req/s | p50 ms | p99 ms | direct req/s | p50 ms | p99 ms | p50 ratio (min–max) | p99 ratio | req/s ratio | upstream calls per request: gateway / direct | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[...groups.values()].map((rows) => {
      const [r] = rows;
      const at = (pick, digits = 0) => n(med(rows, pick), digits);
      const cells = [
        r.case,
        r.gatewayVariant ?? '',
        `${r.latencyMs} ms`,
        at((x) => x.gateway.perSecond),
        at((x) => x.gateway.p50Ms, 1),
        at((x) => x.gateway.p99Ms, 1),
        at((x) => x.direct.perSecond),
        at((x) => x.direct.p50Ms, 1),
        at((x) => x.direct.p99Ms, 1),
        withSpread(
          rows.map((x) => x.p50Ratio),
          2,
        ),
        at((x) => x.p99Ratio, 2),
        at((x) => x.throughputRatio, 2),
        `${at((x) => x.gateway.upstreamPerOperation, 2)} / ${at((x) => x.direct.upstreamPerOperation, 2)}`,
        bound(r),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
    "Direct baselines (the same data from the simulator's REST API):",
    '',
    ...new Set(
      [...groups.values()]
        .map(([r]) => r)
        .filter((r) => !r.case.includes('autocannon') && r.latencyMs === 0)
        .map((r) => `- ${r.case}: ${r.upstream}`),
    ),
  ];
}

function upstreamRequestsSection(results) {
  const rows = samplesOf(results, 'upstreamRequests').at(-1);
  if (!rows) return [];
  return [
    '',
    '## 2. Upstream requests per query (DataLoaders vs naive resolvers)',
    '',
    '| query | upstream requests | distinct resources | naive | naive rule |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.query} | ${r.upstreamRequests} | ${r.distinctResources} | ${r.naive} | ${r.naiveRule} |`,
    ),
  ];
}

function largeExerciseSection(results) {
  const runs = samplesOf(results, 'largeExercise');
  if (runs.length === 0) return [];
  const last = runs.at(-1);
  /** One pass's row: medians (and spreads) of time, ratio to the same run's raw time, and peak RSS. */
  const row = (label, pick, { ratioDigits = 2, field = 'ms', rss = true, bounds = '', notes = '' } = {}) => {
    const measured = runs.filter((le) => pick(le) !== undefined);
    if (measured.length === 0) return [];
    const time = measured.map((le) => pick(le)[field]);
    const ratios = measured.map((le) => pick(le)[field] / le.raw.ms);
    const peaks = rss ? measured.map((le) => pick(le).peakRssMb) : [];
    return [
      `| ${label} | ${n(median(time))} | ${withSpread(ratios, ratioDigits)} | ${rss ? withSpread(peaks) : '—'} | ${bounds} | ${notes} |`,
    ];
  };
  const pairNames = [...new Set(runs.flatMap((le) => (le.pairs ?? []).map((p) => p.name)))];
  const pair = (name) => (le) => le.pairs?.find((p) => p.name === name);
  const { raw, pages } = last;
  return [
    '',
    `## 3. The ${last.movements.toLocaleString('en')}-movement exercise (${n(raw.bytes / 1e6)} MB of MAD JSON; medians of ${times(runs.length, 'run')}, spread in brackets)`,
    '',
    "Each pass in a fresh gateway process started with node's default flags; a pass's ratio is to the raw time of the same run.",
    '',
    '| pass | time ms | ratio to raw | peak RSS MB | bounds | notes (last run) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...row('raw: download + JSON.parse once (baseline)', (le) => le.raw, {
      notes: 'one process, nothing else',
    }),
    ...row('GraphQL pages of 500, walking cursors', (le) => le.pages, {
      bounds: '≤ 2×, ≤ 200 MB',
      notes: pages ? `${pages.pages} pages; gateway RSS ${n(pages.idleRssMb)} MB idle` : '',
    }),
    ...row('first page of 500 (cold gateway)', (le) => le.pages, {
      field: 'firstPageMs',
      ratioDigits: 3,
      rss: false,
      bounds: '≤ 0.05×',
    }),
    ...['JSONL', 'CSV', 'FEC'].flatMap((format) => {
      const b = last.bulk?.[format];
      return row(`bulk export ${format}: start, poll, download`, (le) => le.bulk?.[format], {
        bounds: '≤ 1.0×, ≤ 160 MB',
        notes: b ? `file ready at ${n(b.producedMs)} ms; ${n(b.bytes / 1e6)} MB, ${b.lines} lines` : '',
      });
    }),
    ...pairNames.flatMap((name) => {
      const p = pair(name)(last);
      return row(`${name.replace('+', ' and ')} at once, one gateway`, pair(name), {
        bounds: '≤ 300 MB',
        notes: p
          ? `${p.sides.map((s) => `${s.name} ${n(s.ms)} ms`).join(', ')}; both running for ${n(p.overlapMs)} ms`
          : '',
      });
    }),
  ];
}

function coldStartSection(results) {
  const c = samplesOf(results, 'coldStart').at(-1);
  if (!c) return [];
  return [
    '',
    '## 4. Cold start to the first answered query (demo mode)',
    '',
    `| command | median ms | runs ms |`,
    '| --- | --- | --- |',
    `| node dist/src/main.js | ${n(c.nodeMedianMs)} | ${c.nodeMs.map((v) => n(v)).join(', ')} |`,
    `| npm start | ${n(c.npmStartMedianMs)} | ${c.npmStartMs.map((v) => n(v)).join(', ')} |`,
  ];
}

function frontendSessionSection(results) {
  const f = samplesOf(results, 'frontendSession').at(-1);
  if (!f) return [];
  const row = (name, r) =>
    `| ${name} | ${r.requests} | ${r.errors} | ${r.rateLimited} | ${r.upstream} | ${r.upstream429} | ${n(r.pages.entriesFirst.mean, 2)} | ${n(r.pages.entriesLater.mean, 2)} (max ${r.pages.entriesLater.max}) | ${n(r.pages.movementsFirst.mean, 2)} | ${n(r.pages.movementsLater.mean, 2)} (max ${r.pages.movementsLater.max}) | ${n(r.ms / 1000, 1)} | ${n(r.quotaMs / 1000, 1)} | ${n(r.ms / r.quotaMs, 2)} |`;
  return [
    '',
    `## 5. Frontend session under the documented limits (run ${f.date})`,
    '',
    `A firm of ${f.firmSize} MyUnisoft companies (dataset scale ${f.dataset.scale}); one sequential client: the companies, then per company its exercises, every entries page of 50 and ${f.movementPages} movement pages of 50 of its open exercise; the whole session twice. MyUnisoft's quota: 20 requests per 10 s per token, enforced by the simulator in the "limits on" row and off in the baseline row (the gateway's own upstream budget paces both alike). Baselines of the same run: the time the quota alone imposes on the requests made (requests ÷ 2 per s), and the session with the simulator's limits off.`,
    '',
    '| session | GraphQL requests | errors | UPSTREAM_RATE_LIMITED | MyUnisoft requests | upstream 429 | entries page 1: requests | later entries pages | movements page 1 | later movement pages | time s | quota time s | time ÷ quota time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row("simulator's limits off (baseline)", f.unlimited),
    row('limits on', f.limited),
    '',
    `The ${f.big.rows.toLocaleString('en')}-movement exercise walked by pages of 500 with the limits on: ${f.big.pages} pages, ${f.big.upstream} MyUnisoft requests (${f.big.upstream429} answered 429), ${f.big.errors} errors, ${n(f.big.ms / 1000, 1)} s; the quota alone imposes ${n(f.big.quotaMs / 1000, 1)} s.`,
  ];
}

/** The whole of RESULTS.md; `notes` (bench/notes.md) and `ledger` (its section) are appended as given. */
function renderReport(results, { notes = '', ledger = null } = {}) {
  const lines = [
    ...header(results),
    ...targetsTable(results.targets),
    ...runsTable(results),
    ...gatewayVsDirectSection(results),
    ...upstreamRequestsSection(results),
    ...largeExerciseSection(results),
    ...coldStartSection(results),
    ...frontendSessionSection(results),
  ];
  if (notes.trim()) lines.push('', notes.trim());
  if (ledger) lines.push('', ledger);
  return `${lines.join('\n')}\n`;
}

module.exports = { renderReport };
