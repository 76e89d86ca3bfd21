#!/usr/bin/env node
// `npm run bench`: builds (via npm), then measures in one run, each against its baseline, the four parts
// of issue 6 on loopback with the simulators in a child process, and writes results.json and RESULTS.md.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: node bench/run.mjs [options]   (npm run bench builds first)
  --parts=1,2,3,4,5    parts to run (1 gateway vs direct, 2 upstream requests, 3 large exercise, 4 cold start,
                       5 frontend session under the documented limits)
  --part=NAME          one part by name instead: gateway-vs-direct, upstream-requests, large-exercise,
                       cold-start, frontend-session (a part run alone keeps the other parts' last figures)
  --duration=5000      ms of load per side in part 1 (after --warmup ms)
  --warmup=1000
  --connections=4 
  --movements=500000   movements in the large exercise of part 3
  --cold-runs=3
  --no-write           print only; leave results.json and RESULTS.md alone
  --dry                check options and the built files, print the plan, measure nothing
  --help`;

const { values } = parseArgs({
  options: {
    parts: { type: 'string', default: '1,2,3,4,5' },
    part: { type: 'string' },
    duration: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '1000' },
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

const positive = (name) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const PART_NAMES = [
  'gateway-vs-direct',
  'upstream-requests',
  'large-exercise',
  'cold-start',
  'frontend-session',
];
if (values.part !== undefined && !PART_NAMES.includes(values.part))
  throw new Error(`--part takes one of ${PART_NAMES.join(', ')}`);
const settings = {
  parts:
    values.part !== undefined ? [PART_NAMES.indexOf(values.part) + 1] : values.parts.split(',').map(Number),
  durationMs: positive('duration'),
  warmupMs: Number(values.warmup),
  connections: positive('connections'),
  movements: positive('movements'),
  coldRuns: positive('cold-runs'),
  latencies: [0, 30],
};
if (settings.parts.some((p) => ![1, 2, 3, 4, 5].includes(p))) throw new Error('--parts takes numbers 1 to 5');

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const built = fileURLToPath(new URL('../dist/src/main.js', import.meta.url));
if (values.dry) {
  console.log(JSON.stringify({ plan: settings, built: existsSync(built) }, null, 2));
  process.exit(0);
}
if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run bench` (it builds first)');
mkdirSync(`${benchDir}tmp`, { recursive: true });

const { gatewayVsDirect } = await import('./lib/part-gateway-vs-direct.mjs');
const { upstreamRequests } = await import('./lib/part-upstream-requests.mjs');
const { largeExercise } = await import('./lib/part-large-exercise.mjs');
const { coldStart } = await import('./lib/part-cold-start.mjs');
const { frontendSessionPart } = await import('./lib/part-frontend-session.mjs');
const { evaluateTargets } = await import('./lib/targets.mjs');
const { writeReport } = await import('./lib/report.mjs');

const log = (line) => console.log(line);
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
  },
  settings,
};

if (settings.parts.includes(1)) {
  log('1. gateway vs direct REST');
  results.gatewayVsDirect = await gatewayVsDirect({ ...settings, log });
}
if (settings.parts.includes(2)) {
  log('2. upstream requests per query');
  results.upstreamRequests = await upstreamRequests({ log });
}
if (settings.parts.includes(3)) {
  log(`3. the ${settings.movements}-movement exercise`);
  results.largeExercise = await largeExercise({ movements: settings.movements, log });
}
if (settings.parts.includes(4)) {
  log('4. cold start');
  results.coldStart = await coldStart({ runs: settings.coldRuns, log });
}
if (settings.parts.includes(5)) {
  log('5. frontend session under the documented limits');
  results.frontendSession = await frontendSessionPart({ movements: settings.movements, log });
  results.frontendSession.date = results.environment.date;
}
results.environment.loadAfter = os.loadavg();
// A subset of the parts keeps the other parts' figures from the last results.json, so RESULTS.md stays whole.
const PART_KEYS = ['gatewayVsDirect', 'upstreamRequests', 'largeExercise', 'coldStart', 'frontendSession'];
const resultsPath = `${benchDir}results.json`;
if (settings.parts.length < PART_KEYS.length && existsSync(resultsPath)) {
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8'));
  PART_KEYS.forEach((key, i) => {
    if (!settings.parts.includes(i + 1) && previous[key] !== undefined) results[key] = previous[key];
  });
  results.environment.keptFrom = previous.environment?.date;
}
results.environment.totalSeconds = Math.round((Date.now() - started) / 1000);
results.targets = evaluateTargets(results);

log('\nTargets:');
for (const t of results.targets) log(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.measured}`);
if (!values['no-write']) {
  const notesPath = `${benchDir}notes.md`;
  writeReport(benchDir, results, existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : '');
  log(`\nWrote bench/results.json and bench/RESULTS.md (${results.environment.totalSeconds} s)`);
}
