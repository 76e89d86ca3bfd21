#!/usr/bin/env node
// `npm run bench`: builds (via npm), then measures the parts of issues 6 and 12 on loopback with the
// simulators in a child process: parts 1 and 3 `--runs` times (the targets judged on the median), the
// others once; writes results.json (every run) and RESULTS.md.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ALL_PAIRS } from './lib/targets.cjs';
import { estimateSeconds } from './lib/estimate.cjs';

const HELP = `Usage: node bench/run.mjs [options]   (npm run bench builds first)
  --parts=1,2,3,4      parts to run (1 gateway vs direct, 2 upstream requests, 3 large exercise, 4 cold start,
                       5 frontend session under the documented limits: opt-in, about 10 minutes)
  --part=NAME          one part by name instead: gateway-vs-direct, upstream-requests, large-exercise,
                       cold-start, frontend-session (parts not run keep their last figures from results.json)
  --runs=3             runs of parts 1 and 3; each target is judged on the median of the runs
  --pairs=all          part 3's passes run two at once on one gateway: all (${ALL_PAIRS.join(', ')}),
                       none, or a comma-separated list of those
  --duration=3000      ms of load per side in part 1, per run (after --warmup ms)
  --warmup=1000
  --prewarm=2000       part 1: requests of every case each side serves, over 16 connections, before any is
                       measured at a latency (0: none; a gateway's request path compiles over ~2,500)
  --lead-in=300        part 1: ms of unmeasured load at the start of each of a side's 5 slices (0: none;
                       a proxy idle during the other sides' slices answers slower for a few hundred ms)
  --connections=4
  --movements=500000   movements in the large exercise of part 3
  --cold-runs=3
  --no-write           leave bench/results.json and bench/RESULTS.md alone (writes them to bench/tmp/ instead)
  --dry                check options and the built files, print the plan and its estimated duration, measure nothing
  --help`;

const { values } = parseArgs({
  options: {
    parts: { type: 'string', default: '1,2,3,4' },
    part: { type: 'string' },
    runs: { type: 'string', default: '3' },
    pairs: { type: 'string', default: 'all' },
    duration: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '1000' },
    prewarm: { type: 'string', default: '2000' },
    'lead-in': { type: 'string', default: '300' },
    connections: { type: 'string', default: '4' },
    movements: { type: 'string', default: '500000' },
    'cold-runs': { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
    dry: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

/** The integer option `name`, at least `min`. */
const integerAtLeast = (name, min, refusal) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be ${refusal}`);
  return value;
};
const positive = (name) => integerAtLeast(name, 1, 'a positive integer');
const nonNegative = (name) => integerAtLeast(name, 0, 'an integer ≥ 0');
const PART_NAMES = [
  'gateway-vs-direct',
  'upstream-requests',
  'large-exercise',
  'cold-start',
  'frontend-session',
];
/** Results keys of the parts, in order; parts 1 and 3 are the ones run `--runs` times. */
const PART_KEYS = ['gatewayVsDirect', 'upstreamRequests', 'largeExercise', 'coldStart', 'frontendSession'];
const REPEATED_PARTS = [1, 3];
if (values.part !== undefined && !PART_NAMES.includes(values.part))
  throw new Error(`--part takes one of ${PART_NAMES.join(', ')}`);

function parsePairs(text) {
  if (text === 'all') return ALL_PAIRS;
  if (text === 'none') return [];
  return text.split(',').map((asked) => {
    const pair = ALL_PAIRS.find((p) => p.toLowerCase() === asked.trim().toLowerCase());
    if (!pair) throw new Error(`--pairs takes all, none or some of ${ALL_PAIRS.join(', ')}`);
    return pair;
  });
}

const settings = {
  parts:
    values.part !== undefined ? [PART_NAMES.indexOf(values.part) + 1] : values.parts.split(',').map(Number),
  runs: positive('runs'),
  pairs: parsePairs(values.pairs),
  durationMs: positive('duration'),
  warmupMs: Number(values.warmup),
  prewarmOps: Number(values.prewarm),
  leadInMs: nonNegative('lead-in'),
  connections: positive('connections'),
  movements: positive('movements'),
  coldRuns: positive('cold-runs'),
  latencies: [0, 30],
};
if (settings.parts.some((p) => ![1, 2, 3, 4, 5].includes(p))) throw new Error('--parts takes numbers 1 to 5');
const estimate = estimateSeconds(settings);

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const built = fileURLToPath(new URL('../dist/src/main.js', import.meta.url));
if (values.dry) {
  console.log(JSON.stringify({ plan: settings, estimate, built: existsSync(built) }, null, 2));
  process.exit(0);
}
if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run bench` (it builds first)');
mkdirSync(`${benchDir}tmp`, { recursive: true });

const { gatewayVsDirect } = await import('./lib/part-gateway-vs-direct.mjs');
const { upstreamRequests } = await import('./lib/part-upstream-requests.mjs');
const { largeExercise } = await import('./lib/part-large-exercise.mjs');
const { coldStart } = await import('./lib/part-cold-start.mjs');
const { frontendSessionPart } = await import('./lib/part-frontend-session.mjs');
const { evaluateTargets } = await import('./lib/targets.cjs');
const { writeReport } = await import('./lib/report.mjs');

const log = (line) => console.log(line);
const minutes = (s) => `${(s / 60).toFixed(1)} min`;
log(
  `Estimated duration: ${minutes(estimate.total)} (${Object.entries(estimate.perPart)
    .map(([part, s]) => `part ${part} ${minutes(s)}`)
    .join(', ')}; more on a loaded machine)`,
);
const started = Date.now();
const results = {
  environment: {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`,
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadBefore: os.loadavg(),
    argv: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    estimatedSeconds: estimate.total,
  },
  settings,
  parts: {},
};

const MEASURE = {
  1: () => gatewayVsDirect({ ...settings, log }),
  2: () => upstreamRequests({ log }),
  3: () => largeExercise({ movements: settings.movements, pairs: settings.pairs, log }),
  4: () => coldStart({ runs: settings.coldRuns, log }),
  5: async () => ({
    ...(await frontendSessionPart({ movements: settings.movements, log })),
    date: new Date().toISOString(),
  }),
};
const TITLES = [
  'gateway vs direct REST',
  'upstream requests per query',
  `the ${settings.movements}-movement exercise`,
  'cold start',
  'frontend session under the documented limits',
];

/** One run of one part, with the load average before and after it. */
async function measure(part, run, runs) {
  const loadBefore = os.loadavg();
  const date = new Date().toISOString();
  log(
    `${part}. ${TITLES[part - 1]}${runs > 1 ? ` (run ${run} of ${runs})` : ''}, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const partStarted = Date.now();
  // A run that fails is recorded as failed and the bench goes on: the targets count the runs that measured.
  let outcome;
  try {
    outcome = { result: await MEASURE[part]() };
  } catch (error) {
    outcome = { error: String(error instanceof Error ? error.message : error).split('\n')[0] };
    log(`  FAILED: ${outcome.error}`);
  }
  const key = PART_KEYS[part - 1];
  results.parts[key] ??= { runs: [] };
  results.parts[key].runs.push({
    run,
    date,
    seconds: Math.round((Date.now() - partStarted) / 1000),
    loadBefore,
    loadAfter: os.loadavg(),
    ...outcome,
  });
}

// Parts 1 and 3 alternate run after run, so a drift of the machine weighs on every run of both alike.
const repeated = settings.parts.filter((p) => REPEATED_PARTS.includes(p)).sort();
for (let run = 1; run <= settings.runs; run++)
  for (const part of repeated) await measure(part, run, settings.runs);
for (const part of settings.parts.filter((p) => !REPEATED_PARTS.includes(p)).sort())
  await measure(part, 1, 1);
results.environment.loadAfter = os.loadavg();

// A subset of the parts keeps the other parts' figures from the last results.json, so RESULTS.md stays whole.
const resultsPath = `${benchDir}results.json`;
if (existsSync(resultsPath)) {
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8'));
  for (const [i, key] of PART_KEYS.entries()) {
    if (settings.parts.includes(i + 1)) continue;
    // results.json before repeated runs held each part's one result at the top level.
    const kept =
      previous.parts?.[key] ??
      (previous[key] !== undefined
        ? { runs: [{ run: 1, date: previous.environment?.date, result: previous[key] }] }
        : undefined);
    if (kept) results.parts[key] = { ...kept, keptFrom: kept.keptFrom ?? previous.environment?.date };
  }
}
results.environment.totalSeconds = Math.round((Date.now() - started) / 1000);
results.targets = evaluateTargets(results);

log(`\nTargets (median of the runs; spread min–max):`);
for (const t of results.targets)
  log(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.measured}${t.spread ? ` (${t.spread})` : ''}`);
log(`\n${minutes(results.environment.totalSeconds)} in all (estimated ${minutes(estimate.total)})`);
// --no-write leaves bench/ alone and writes the same two files under bench/tmp/ to look at.
const notesPath = `${benchDir}notes.md`;
const outDir = values['no-write'] ? `${benchDir}tmp` : benchDir;
writeReport(outDir, results, existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : '', benchDir);
log(`Wrote ${values['no-write'] ? 'bench/tmp' : 'bench'}/results.json and RESULTS.md`);
