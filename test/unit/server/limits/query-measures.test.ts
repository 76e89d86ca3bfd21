/**
 * The measures behind the query limits, on the committed schema: depth, aliases and cost through
 * fragments (each measured once, so a fragment bomb is measured in linear time), `first` read from
 * literals, variables and variable defaults, and the token count bounded by the limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { countTokens } from '../../../../src/server/limits/count-tokens';
import { fragmentsOf } from '../../../../src/server/limits/fragments';
import { queryAliases } from '../../../../src/server/limits/query-aliases';
import { queryCost } from '../../../../src/server/limits/query-cost';
import { queryDepth } from '../../../../src/server/limits/query-depth';

const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema/schema.graphql'), 'utf8'));

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  const fragments = fragmentsOf(document);
  return {
    depth: queryDepth(operation, fragments),
    aliases: queryAliases(operation, fragments),
    cost: queryCost(schema, operation, fragments, variables),
  };
}

/** `levels` fragments, each spreading the previous one twice: 2^levels copies of `leaf` once expanded. */
function fragmentBomb(levels: number, leaf: string): string {
  const fragments = [`fragment F0 on Company { ${leaf} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Company { ...F${i - 1} ...F${i - 1} }`);
  return `{ companies(first: 1) { edges { node { ...F${levels} } } } }\n${fragments.join('\n')}`;
}

describe('queryDepth', () => {
  it('counts root fields as 1 and each nested selection once more', () => {
    expect(measure('{ companies { totalCount } }').depth).toBe(2);
    expect(measure('{ companies { edges { node { id } } } }').depth).toBe(4);
  });

  it('follows inline fragments and fragment spreads, ignoring introspection fields', () => {
    const query = `{ node(id: "x") { ... on Company { entries { edges { node { ...Lines } } } } } }
      fragment Lines on Entry { lines { account { number } } __typename }`;
    expect(measure(query).depth).toBe(7);
    expect(measure('{ __schema { types { fields { type { name } } } } }').depth).toBe(0);
  });
});

describe('queryAliases', () => {
  it('counts every alias, nested ones included', () => {
    expect(measure('{ a: companies { totalCount } b: companies { c: totalCount } }').aliases).toBe(3);
  });

  it('counts a fragment’s aliases once per place it is spread', () => {
    const query = `{ x: node(id: "1") { ...A } y: node(id: "2") { ...A } }
      fragment A on Company { n1: name n2: name }`;
    expect(measure(query).aliases).toBe(2 + 2 * 2);
  });
});

describe('queryCost', () => {
  it('multiplies a connection’s selection by first (default 50, counted at most 500)', () => {
    // companies (1) + first × (edges 1 + node 1 + id 1)
    expect(measure('{ companies(first: 10) { edges { node { id } } } }').cost).toBe(1 + 10 * 3);
    expect(measure('{ companies { edges { node { id } } } }').cost).toBe(1 + 50 * 3);
    expect(measure('{ companies(first: 100000) { edges { node { id } } } }').cost).toBe(1 + 500 * 3);
  });

  it('reads first from variables, then from the variable’s default', () => {
    const query = 'query($n: Int = 20) { companies(first: $n) { edges { node { id } } } }';
    expect(measure(query, { n: 7 }).cost).toBe(1 + 7 * 3);
    expect(measure(query).cost).toBe(1 + 20 * 3);
  });

  it('multiplies nested connections', () => {
    const query = `{ companies(first: 10) { edges { node { entries(first: 100) { edges { node { id } } } } } } }`;
    // companies 1 + 10 × (edges 1 + node 1 + entries (1 + 100 × 3))
    expect(measure(query).cost).toBe(1 + 10 * (2 + 1 + 100 * 3));
  });

  it('sizes nodes(ids) by the number of ids', () => {
    expect(measure('{ nodes(ids: ["a", "b", "c"]) { id } }').cost).toBe(1 + 3 * 1);
  });
});

describe('fragment bombs', () => {
  it('are measured in linear time with their full expanded value', () => {
    const levels = 40; // 2^40 copies once expanded: only a memoised walk finishes
    const started = process.hrtime.bigint();
    const result = measure(fragmentBomb(levels, 'a: name'));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result.aliases).toBe(2 ** levels);
    expect(result.cost).toBe(1 + 1 * (2 + 2 ** levels));
    expect(result.depth).toBe(4);
    expect(elapsedMs).toBeLessThan(2_000);
  });
});

describe('countTokens', () => {
  it('counts lexical tokens, not comments', () => {
    expect(countTokens('{ companies { totalCount } }', 100)).toBe(6);
    expect(countTokens('# a comment\n{ a }', 100)).toBe(3);
  });

  it('stops one past the limit, however long the document', () => {
    const huge = `{ ${'a '.repeat(1_000_000)}}`;
    expect(countTokens(huge, 2_000)).toBe(2_001);
  });

  it('leaves lexical errors to the parser', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(2);
  });
});
