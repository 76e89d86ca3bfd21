/**
 * The measures behind the query limits, on the committed schema: depth, aliases and directives by
 * GraphQL Armor's rules (document-limits.ts) through fragments (each measured once, so a fragment
 * bomb is measured in linear time), cost by graphql-query-complexity with the page-size rule
 * (`first` read from literals, variables and variable defaults), and the token count bounded by the limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { LimitExceededError } from '../../../../src/errors';
import { documentLimitRules, type DocumentLimits } from '../../../../src/server/limits/document-limits';
import {
  MAX_MEASURED_SELECTIONS,
  memoizedQueryCost,
  queryCost,
} from '../../../../src/server/limits/query-cost';
import { exceedsTokens } from '../../../../src/server/limits/use-max-tokens';

jest.mock('graphql-query-complexity', () => {
  const actual = jest.requireActual<typeof import('graphql-query-complexity')>('graphql-query-complexity');
  return { ...actual, getComplexity: jest.fn(actual.getComplexity) };
});

const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema/schema.graphql'), 'utf8'));

/** The limit errors a document gets under `limits` (1 everywhere unless given). */
function refusals(query: string, limits: Partial<DocumentLimits> = {}) {
  const rules = documentLimitRules({ maxDepth: 1, maxAliases: 1, maxDirectives: 1, ...limits });
  return validate(schema, parse(query), rules).map((error) => {
    expect(error).toBeInstanceOf(LimitExceededError);
    const { limit, max } = error as LimitExceededError;
    return { limit, max, found: Number(/found (\d+)/.exec(error.message)?.[1]), message: error.message };
  });
}

/** The measure of `limit` for `query`: what a limit of 0 reports (or 0 when nothing is refused). */
function measure(query: string, limit: keyof DocumentLimits): number {
  const high = { maxDepth: 1e9, maxAliases: 1e9, maxDirectives: 1e9 };
  return refusals(query, { ...high, [limit]: 0 }).find((r) => r.limit === limit)?.found ?? 0;
}

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema, parse(query), variables);

/** `levels` fragments, each spreading the previous one twice: 2^levels copies of `leaf` once expanded. */
function fragmentBomb(levels: number, leaf: string): string {
  const fragments = [`fragment F0 on Company { ${leaf} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Company { ...F${i - 1} ...F${i - 1} }`);
  return `{ companies(first: 1) { edges { node { ...F${levels} } } } }\n${fragments.join('\n')}`;
}

describe('document limits (GraphQL Armor)', () => {
  it('refuse with our error: the config key, its value, armor’s measure in the message', () => {
    expect(refusals('{ companies { edges { node { id } } } }', { maxDepth: 3 })).toEqual([
      {
        limit: 'maxDepth',
        max: 3,
        found: 4,
        message: 'Query depth limit of 3 exceeded, found 4 (limits.maxDepth).',
      },
    ]);
    expect(refusals('{ companies { edges { node { id } } } }', { maxDepth: 4 })).toEqual([]);
  });

  it('count depth from 1 at the root, through inline fragments and spreads, without __schema', () => {
    expect(measure('{ companies { totalCount } }', 'maxDepth')).toBe(2);
    const query = `{ node(id: "x") { ... on Company { entries { edges { node { ...Lines } } } } } }
      fragment Lines on Entry { lines { account { number } } __typename }`;
    expect(measure(query, 'maxDepth')).toBe(7);
    expect(measure('{ __schema { types { fields { type { name } } } } }', 'maxDepth')).toBe(0);
  });

  it('count a fragment’s depth from where it is spread, a shallow spread first or not', () => {
    const query = `{ node(id: "x") { ...L } company(id: "y") { entries { edges { node { ...L } } } } }
      fragment L on Entry { lines { account { number } } }`;
    expect(measure(query, 'maxDepth')).toBe(4 + 3);
  });

  it('count every alias, nested ones and __typename’s included', () => {
    expect(measure('{ a: companies { totalCount } b: companies { c: totalCount } }', 'maxAliases')).toBe(3);
    expect(measure('{ t1: __typename t2: __typename }', 'maxAliases')).toBe(2);
  });

  it('count a fragment’s aliases once per place it is spread', () => {
    const query = `{ x: node(id: "1") { ...A } y: node(id: "2") { ...A } }
      fragment A on Company { n1: name n2: name }`;
    expect(measure(query, 'maxAliases')).toBe(2 + 2 * 2);
  });

  it('count directives, in fragments too', () => {
    const query = `query($a: Boolean!) { companies @include(if: $a) { totalCount @skip(if: $a) ...C } }
      fragment C on CompanyConnection { totalCount @include(if: $a) }`;
    expect(measure(query, 'maxDirectives')).toBe(3);
    expect(refusals(query, { maxDepth: 9, maxAliases: 9, maxDirectives: 2 })).toEqual([
      expect.objectContaining({ limit: 'maxDirectives', max: 2, found: 3 }),
    ]);
  });

  it('measure a fragment bomb in linear time with its full expanded value', () => {
    const levels = 40; // 2^40 copies once expanded: only a walk measuring each fragment once finishes
    expect(measure(fragmentBomb(levels, 'a: name'), 'maxAliases')).toBe(2 ** levels);
    expect(measure(fragmentBomb(levels, 'name @include(if: true)'), 'maxDirectives')).toBe(2 ** levels);
    expect(measure(fragmentBomb(levels, 'name'), 'maxDepth')).toBe(4);
  });

  it('terminate on fragment cycles, which graphql’s own rule refuses', () => {
    const query = '{ companies { ...A } } fragment A on CompanyConnection { totalCount x: totalCount ...A }';
    const rules = [
      ...specifiedRules,
      ...documentLimitRules({ maxDepth: 1, maxAliases: 0, maxDirectives: 0 }),
    ];
    const messages = validate(schema, parse(query), rules).map((e) => e.message);
    expect(messages).toContain('Cannot spread fragment "A" within itself.');
  });
});

describe('queryCost (graphql-query-complexity)', () => {
  it('multiplies a connection’s selection by first (default 50, counted at most 500)', () => {
    // companies (1) + first × (edges 1 + node 1 + id 1)
    expect(cost('{ companies(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * 3);
    expect(cost('{ companies { edges { node { id } } } }')).toBe(1 + 50 * 3);
    expect(cost('{ companies(first: 100000) { edges { node { id } } } }')).toBe(1 + 500 * 3);
  });

  it('reads first from variables, then from the variable’s default', () => {
    const query = 'query($n: Int = 20) { companies(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 7 })).toBe(1 + 7 * 3);
    expect(cost(query)).toBe(1 + 20 * 3);
  });

  it('multiplies nested connections', () => {
    const query = `{ companies(first: 10) { edges { node { entries(first: 100) { edges { node { id } } } } } } }`;
    // companies 1 + 10 × (edges 1 + node 1 + entries (1 + 100 × 3))
    expect(cost(query)).toBe(1 + 10 * (2 + 1 + 100 * 3));
  });

  it('sizes nodes(ids) by the number of ids, counts introspection as free, honours @skip', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 3 * 1);
    expect(cost('{ __schema { types { name } } companies(first: 1) { __typename totalCount } }')).toBe(2);
    expect(cost('{ companies(first: 10) @skip(if: true) { totalCount } }')).toBe(0);
  });

  it('counts a repeated fragment wherever it is spread', () => {
    const query = `{ a: companies(first: 2) { ...E } b: companies(first: 3) { ...E } }
      fragment E on CompanyConnection { edges { node { id } } }`;
    expect(cost(query)).toBe(1 + 2 * 3 + (1 + 3 * 3));
  });

  it('stops a fragment bomb at MAX_MEASURED_SELECTIONS: over any limit, in bounded time', () => {
    expect(MAX_MEASURED_SELECTIONS).toBe(10_000);
    expect(cost(fragmentBomb(40, 'name'))).toBe(Infinity);
    // 2^11 copies (about 6,000 selections with the spreads): within the bound, measured in full
    expect(cost(fragmentBomb(11, 'name'))).toBe(1 + 1 * (2 + 2 ** 11));
  });

  it('leaves variables that do not coerce to execution (undefined: no measure)', () => {
    const query = 'query($n: Int) { companies(first: $n) { totalCount } }';
    expect(cost(query, { n: 1e12 })).toBeUndefined();
  });
});

describe('memoizedQueryCost', () => {
  const document = parse(
    'query Page($n: Int = 20, $after: String) { companies(first: $n, after: $after) { edges { node { id } } } }',
  );
  const operation = document.definitions[0] as OperationDefinitionNode;
  const measured = jest.mocked(getComplexity);

  it('measures a document once per value of the variables that size it (not per cursor)', () => {
    expect(operation.kind).toBe(Kind.OPERATION_DEFINITION);
    measured.mockClear();
    const cost = (variables: Record<string, unknown>) =>
      memoizedQueryCost(schema, document, operation, variables);
    expect(cost({ n: 7 })).toBe(1 + 7 * 3);
    expect(cost({ n: 7, after: 'cursor-1' })).toBe(1 + 7 * 3);
    expect(cost({ n: 7, after: 'cursor-2' })).toBe(1 + 7 * 3);
    expect(measured).toHaveBeenCalledTimes(1);
    expect(cost({ n: 9 })).toBe(1 + 9 * 3);
    expect(cost({})).toBe(1 + 20 * 3); // the variable's default
    expect(cost({ n: null })).toBe(1 + 50 * 3); // explicit null: the field's default page
    expect(measured).toHaveBeenCalledTimes(4);
  });

  it('does not memoise a variable error', () => {
    measured.mockClear();
    const cost = (variables: Record<string, unknown>) =>
      memoizedQueryCost(schema, document, operation, variables);
    expect(cost({ n: 3, after: 42 })).toBeUndefined();
    expect(cost({ n: 3, after: 'ok' })).toBe(1 + 3 * 3);
    expect(measured).toHaveBeenCalledTimes(2);
  });
});

describe('exceedsTokens (GraphQL Armor’s parser)', () => {
  it('counts lexical tokens, not comments', () => {
    expect(exceedsTokens('{ companies { totalCount } }', 6)).toBe(false);
    expect(exceedsTokens('{ companies { totalCount } }', 5)).toBe(true);
    expect(exceedsTokens('# a comment\n{ a }', 3)).toBe(false);
  });

  it('stops one past the limit, however long the document', () => {
    const huge = `{ ${'a '.repeat(1_000_000)}}`;
    expect(exceedsTokens(huge, 2_000)).toBe(true);
  });

  it('counts long documents of few tokens right (a block string is one token)', () => {
    expect(exceedsTokens(`{ a(s: """${'x'.repeat(5_000)}""") }`, 8)).toBe(false);
    expect(exceedsTokens(`{ a(s: """${'x'.repeat(5_000)}""") }`, 7)).toBe(true);
  });

  it('leaves syntax errors within the limit to the parser', () => {
    expect(exceedsTokens('{ a "unterminated', 100)).toBe(false);
    expect(exceedsTokens('{ a } }', 100)).toBe(false);
  });
});
