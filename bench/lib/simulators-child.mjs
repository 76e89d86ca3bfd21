// Forked by bench/run.mjs: the four simulators in their own process (their CPU and memory stay out of
// the gateway's figures), answering `reset` / `requests` / `count` over IPC so the bench can count upstream calls.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startSimulators } = require('../../dist/src/simulators/harness.js');

const options = JSON.parse(process.argv[2] ?? '{}');
const sims = await startSimulators(options);
const all = Object.values(sims.simulators);

process.on('message', async (message) => {
  if (message.cmd === 'reset') sims.resetRequests();
  const result =
    message.cmd === 'count'
      ? sims.totalRequests()
      : message.cmd === 'requests'
        ? all.flatMap((s) =>
            s.requests.map((r) => ({
              sim: s.name,
              method: r.method,
              path: r.path,
              query: r.query,
              societyId: r.societyId,
              status: r.status,
            })),
          )
        : null;
  if (message.cmd === 'close') await sims.close();
  process.send({ id: message.id, result });
  if (message.cmd === 'close') process.exit(0);
});
process.send({ type: 'ready', urls: sims.urls });
