// bench/results.json (everything measured) and bench/RESULTS.md (the tables and the targets).
import { writeFileSync } from 'node:fs';
import { ledgerSection } from './ledger-report.mjs';

const n = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function writeReport(dir, results, notes) {
  writeFileSync(`${dir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  const { environment: env } = results;
  const lines = [
    '# Benchmark results',
    '',
    `Run ${env.date} on ${env.cpu} (${env.cores} cores), Node ${env.node}, ${env.platform}; load average ` +
      `${env.loadBefore.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min) at the start, ` +
      `${env.loadAfter.map((l) => l.toFixed(2)).join(' / ')} at the end. Produced by \`npm run bench\` ` +
      `(\`${env.argv}\`); raw figures in \`results.json\`.`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...results.targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'MET' : '**NOT MET**'} |`),
  ];
  if (results.gatewayVsDirect) {
    const s = results.settings;
    lines.push(
      '',
      `## 1. Gateway vs direct REST (${s.connections} connections, ${s.durationMs / 1000} s per side after ${s.warmupMs / 1000} s warm-up, the sides interleaved in 5 slices)`,
      '',
      '| case | gateway | upstream latency | gateway req/s | p50 ms | p99 ms | direct req/s | p50 ms | p99 ms | p50 ratio | p99 ratio | req/s ratio |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.gatewayVsDirect.map(
        (r) =>
          `| ${r.case} | ${r.gatewayVariant ?? ''} | ${r.latencyMs} ms | ${n(r.gateway.perSecond)} | ${n(r.gateway.p50Ms, 1)} | ${n(r.gateway.p99Ms, 1)} | ${n(r.direct.perSecond)} | ${n(r.direct.p50Ms, 1)} | ${n(r.direct.p99Ms, 1)} | ${n(r.p50Ratio, 2)} | ${n(r.p99Ratio, 2)} | ${n(r.throughputRatio, 2)} |`,
      ),
      '',
      "Direct baselines (the same data from the simulator's REST API):",
      '',
      ...results.gatewayVsDirect
        .filter((r) => !r.case.includes('autocannon'))
        .filter((r) => r.latencyMs === 0 && r.gatewayVariant !== 'list cache off')
        .map((r) => `- ${r.case}: ${r.upstream}`),
    );
  }
  if (results.upstreamRequests) {
    lines.push(
      '',
      '## 2. Upstream requests per query (DataLoaders vs naive resolvers)',
      '',
      '| query | upstream requests | distinct resources | naive | naive rule |',
      '| --- | --- | --- | --- | --- |',
      ...results.upstreamRequests.map(
        (r) =>
          `| ${r.query} | ${r.upstreamRequests} | ${r.distinctResources} | ${r.naive} | ${r.naiveRule} |`,
      ),
    );
  }
  if (results.largeExercise) {
    const { raw, pages, cappedPages, bulk, movements } = results.largeExercise;
    lines.push(
      '',
      `## 3. The ${movements.toLocaleString('en')}-movement exercise (${n(raw.bytes / 1e6)} MB of MAD JSON)`,
      '',
      '| pass | time ms | ratio to raw | peak RSS MB | notes |',
      '| --- | --- | --- | --- | --- |',
      `| raw: download + JSON.parse once (baseline) | ${n(raw.ms)} | 1.00 | ${n(raw.peakRssMb)} | one process, nothing else |`,
      `| GraphQL pages of 500, walking cursors | ${n(pages.ms)} | ${n(pages.ms / raw.ms, 2)} | ${n(pages.peakRssMb)} | ${pages.pages} pages; gateway RSS ${n(pages.idleRssMb)} MB idle |`,
      ...(cappedPages
        ? [
            `| the same, gateway run with \`${cappedPages.nodeFlags.join(' ')}\` | ${n(cappedPages.ms)} | ${n(cappedPages.ms / raw.ms, 2)} | ${n(cappedPages.peakRssMb)} | what the walk keeps alive; not a target row |`,
          ]
        : []),
      `| first page of 500 (cold gateway) | ${n(pages.firstPageMs)} | ${n(pages.firstPageMs / raw.ms, 3)} | — | |`,
      `| bulk export JSONL: start, poll, download | ${n(bulk.ms)} | ${n(bulk.ms / raw.ms, 2)} | ${n(bulk.peakRssMb)} | file ready at ${n(bulk.producedMs)} ms; ${n(bulk.bytes / 1e6)} MB, ${bulk.lines} lines |`,
    );
  }
  if (results.coldStart) {
    const c = results.coldStart;
    lines.push(
      '',
      '## 4. Cold start to the first answered query (demo mode)',
      '',
      `| command | median ms | runs ms |`,
      '| --- | --- | --- |',
      `| node dist/src/main.js | ${n(c.nodeMedianMs)} | ${c.nodeMs.map((v) => n(v)).join(', ')} |`,
      `| npm start | ${n(c.npmStartMedianMs)} | ${c.npmStartMs.map((v) => n(v)).join(', ')} |`,
    );
  }
  if (notes) lines.push('', notes.trim());
  const ledger = ledgerSection(dir);
  if (ledger) lines.push('', ledger);
  writeFileSync(`${dir}/RESULTS.md`, `${lines.join('\n')}\n`);
}
