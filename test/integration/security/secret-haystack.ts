/**
 * What the secret scan looks for and where: every form a secret can take on the wire or in a log
 * (raw, base64 at any alignment, base64url, URL-encoded, inside a Basic `user:pass`), and a store
 * that remembers every provider token the gateway was issued, so issued tokens are scanned too.
 */
import { Writable } from 'node:stream';
import { MemoryStore } from '../../../src/store/memory-store';

export interface Needle {
  /** Names the secret and its form in a failure, without printing the secret itself. */
  label: string;
  value: string;
}

/**
 * Base64 of `secret` as it appears inside any longer base64 text: the secret is prefixed with 0–2
 * bytes and the groups touching the prefix or the end are cut, so the core matches at any offset.
 */
function base64Cores(secret: string): string[] {
  const cores: string[] = [];
  for (let prefix = 0; prefix < 3; prefix++) {
    const encoded = Buffer.concat([Buffer.alloc(prefix, 0x41), Buffer.from(secret, 'utf8')]).toString(
      'base64',
    );
    const core = encoded.slice(prefix === 0 ? 0 : 4, encoded.length - 4);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every form of each secret, labelled. */
export function needlesOf(
  secrets: Record<string, string>,
  basicPairs: Record<string, [string, string]> = {},
) {
  const needles: Needle[] = [];
  for (const [label, value] of Object.entries(secrets)) {
    needles.push({ label, value });
    const encoded = encodeURIComponent(value);
    if (encoded !== value) needles.push({ label: `${label} (url-encoded)`, value: encoded });
    base64Cores(value).forEach((core) => needles.push({ label: `${label} (base64)`, value: core }));
  }
  for (const [label, [user, pass]] of Object.entries(basicPairs)) {
    const basic = Buffer.from(`${user}:${pass}`).toString('base64');
    needles.push({ label: `${label} (Basic user:pass)`, value: basic.replace(/=+$/, '') });
  }
  return needles;
}

/** The labels of the needles found anywhere in `haystacks` (with where they were found). */
export function findNeedles(needles: Needle[], haystacks: { where: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const needle of needles)
    for (const { where, text } of haystacks)
      if (text.includes(needle.value)) found.push(`${needle.label} in ${where}`);
  return [...new Set(found)];
}

/** An in-memory pino destination: every line the gateway logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/** The shared store, remembering each provider token the gateway caches in it. */
export class TokenRecordingStore extends MemoryStore {
  readonly issuedTokens = new Set<string>();

  override async set(key: string, value: string, ttlMs?: number): Promise<void> {
    // Token records are JSON; their locks (`…:lock`) hold an owner id.
    if (/:token:/.test(key) && !key.endsWith(':lock')) {
      const token = (JSON.parse(value) as { accessToken?: unknown }).accessToken;
      if (typeof token === 'string') this.issuedTokens.add(token);
    }
    return super.set(key, value, ttlMs);
  }
}
