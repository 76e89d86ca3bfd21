// The baseline of part 3, alone in its process so its peak RSS is its own: download the whole MAD
// movements body of the exercise once and JSON.parse it, as a client without the gateway would.
import { performance } from 'node:perf_hooks';
import { request } from 'undici';

const { url, headers } = JSON.parse(process.argv[2]);
const started = performance.now();
const response = await request(url, { headers });
const text = await response.body.text();
const movements = JSON.parse(text);
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    status: response.statusCode,
    ms,
    bytes: Buffer.byteLength(text),
    count: Array.isArray(movements) ? movements.length : -1,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
