/**
 * README.md stays one page (at most 100 lines), and every relative link of README.md and docs/*.md
 * resolves: to a file that exists and, with `#anchor`, to a heading of that file (GitHub's slugs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const README_MAX_LINES = 100;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes, `-1`… for repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutCode(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Fenced blocks and inline code hold examples, not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of `[text](target)` links that stay in the repository (no scheme, no protocol-relative URL). */
export function relativeLinks(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//'));
}

/** The links of `file` that do not resolve, as `target (reason)`. */
export function brokenLinks(file: string, markdown: string, read = readFileSync): string[] {
  const broken: string[] = [];
  for (const target of relativeLinks(markdown)) {
    const [path = '', anchor] = target.split('#', 2);
    const linked = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (path !== '' && !existsSync(linked)) {
      broken.push(`${target} (no file ${relative(ROOT, linked)})`);
      continue;
    }
    if (anchor === undefined) continue;
    const text = linked === file ? markdown : read(linked, 'utf8');
    if (!headingAnchors(text).has(anchor.toLowerCase()))
      broken.push(`${target} (no heading #${anchor} in ${relative(ROOT, linked)})`);
  }
  return broken;
}

const docs = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(ROOT, 'docs', name));
const pages = [join(ROOT, 'README.md'), ...docs];

it(`README.md fits on two screens (at most ${README_MAX_LINES} lines)`, () => {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(README_MAX_LINES);
});

it('README.md links every page of docs/', () => {
  const linked = new Set(
    relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((t) => resolve(ROOT, t.split('#')[0]!)),
  );
  expect(docs.filter((doc) => !linked.has(doc)).map((doc) => relative(ROOT, doc))).toEqual([]);
});

it.each(pages.map((page) => [relative(ROOT, page), page]))(
  '%s: every relative link resolves',
  (_name, page) => {
    const markdown = readFileSync(page, 'utf8');
    expect(brokenLinks(page, markdown)).toEqual([]);
  },
);

it('finds a missing file, a missing heading, and GitHub-style anchors', () => {
  const page = join(ROOT, 'docs', 'example.md');
  const markdown = [
    '## Browser access (CORS)',
    '### Argument errors: one rule',
    '## Limits',
    '## Limits',
    '[ok](#browser-access-cors) [ok](#argument-errors-one-rule) [ok](#limits-1) [ok](security.md)',
    '[gone](missing.md) [gone](security.md#no-such-heading) [gone](#nowhere) [web](https://example.com)',
    '`[code](not-a-link.md)`',
  ].join('\n');
  const read = ((path: string) =>
    path.endsWith('security.md') ? '## Who can see what\n' : '') as unknown as typeof readFileSync;
  expect(brokenLinks(page, markdown, read)).toEqual([
    'missing.md (no file docs/missing.md)',
    'security.md#no-such-heading (no heading #no-such-heading in docs/security.md)',
    '#nowhere (no heading #nowhere in docs/example.md)',
  ]);
});
