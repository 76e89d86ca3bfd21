/**
 * docs/api.md's one-line examples of the general ledger (accounts, journals, trial balance, ledger,
 * FEC and its conformance) are valid operations against the committed schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const ROOT = join(__dirname, '../../..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
const apiGuide = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');

const LEDGER_ROWS =
  /^\| (accounts and journals|trial balance|one account's general ledger|FEC of any provider|conformance of a provider's own FEC).*$/gm;

describe('docs/api.md general-ledger examples', () => {
  const rows = apiGuide.match(LEDGER_ROWS) ?? [];

  it('has one row per new capability', () => {
    expect(rows).toHaveLength(5);
  });

  it.each(rows.map((row) => [row.slice(2, 40), row]))('%s… validates against the schema', (_name, row) => {
    const examples = [...row.matchAll(/`((?:query|mutation)[^`]+)`/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(validate(schema, parse(example)).map((e) => e.message)).toEqual([]);
  });
});
