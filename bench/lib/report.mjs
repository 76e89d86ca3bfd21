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
      `(\`${env.argv}\`); raw figures in \`results.json\`.` +
      (env.keptFrom ? ` Parts not run this time keep their figures of ${env.keptFrom}.` : ''),
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
  if (results.frontendSession) {
    const f = results.frontendSession;
    const row = (name, r) =>
      `| ${name} | ${r.requests} | ${r.errors} | ${r.rateLimited} | ${r.upstream} | ${r.upstream429} | ${n(r.pages.entriesFirst.mean, 2)} | ${n(r.pages.entriesLater.mean, 2)} (max ${r.pages.entriesLater.max}) | ${n(r.pages.movementsFirst.mean, 2)} | ${n(r.pages.movementsLater.mean, 2)} (max ${r.pages.movementsLater.max}) | ${n(r.ms / 1000, 1)} | ${n(r.quotaMs / 1000, 1)} | ${n(r.ms / r.quotaMs, 2)} |`;
    lines.push(
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
    );
  }
  if (notes) lines.push('', notes.trim());
  const ledger = ledgerSection(dir);
  if (ledger) lines.push('', ledger);
  writeFileSync(`${dir}/RESULTS.md`, `${lines.join('\n')}\n`);
}
