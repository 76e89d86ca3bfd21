#!/usr/bin/env node
// Installs the real servers the tests drive (Debian redis-server and chromium) when they are missing,
// so that `npm ci && npm test` passes on a fresh machine. Needs root (as on the project's machines).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const needed = [
  { binary: '/usr/bin/redis-server', pkg: 'redis-server' },
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
].filter(({ binary }) => !existsSync(binary));

if (needed.length === 0) process.exit(0);
const packages = needed.map((n) => n.pkg);
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  console.error(
    `missing system packages: ${packages.join(', ')} — install them with: sudo apt-get install -y ${packages.join(' ')}`,
  );
  process.exit(1);
}
console.log(`installing system packages for the tests: ${packages.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
  stdio: 'inherit',
  env,
});
