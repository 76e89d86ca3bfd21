import { decodeCursor } from '../../../src/domain/cursor';
import { toConnection } from '../../../src/schema/common/paginate';

const scope = { secret: 's'.repeat(32), key: { tenantId: 't1', connection: 'movements:MYUNISOFT:1' } };

/** A page whose items count how often their resume token is built. */
function page(count: number) {
  const built: number[] = [];
  const items = Array.from({ length: count }, (_, i) => ({
    node: { n: i },
    get resumeToken() {
      built.push(i);
      return `token-${i}`;
    },
  }));
  return { built, page: { items, hasNextPage: true, totalCount: null } };
}

describe('toConnection', () => {
  it('signs only the cursors read: pageInfo’s when selected, an edge’s own when selected', () => {
    const { built, page: p } = page(4);
    const connection = toConnection(scope, { first: 4, after: null }, p);
    expect(connection.edges.map((edge) => edge.node)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.hasPreviousPage).toBe(false);
    // A page read without pageInfo's cursors signs none.
    expect(built).toEqual([]);
    expect(decodeCursor(scope.secret, scope.key, connection.pageInfo.endCursor!)).toBe('token-3');
    expect(decodeCursor(scope.secret, scope.key, connection.edges[1]!.cursor)).toBe('token-1');
    // Signed once per edge, however often read, through pageInfo or the edge.
    expect(connection.edges[1]!.cursor).toBe(connection.edges[1]!.cursor);
    expect(connection.edges[3]!.cursor).toBe(connection.pageInfo.endCursor);
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]!.cursor);
    expect(built).toEqual([3, 1, 0]);
  });

  it('gives an empty page null cursors', () => {
    const { page: p } = page(0);
    const connection = toConnection(scope, { first: 3, after: 'x' }, { ...p, hasNextPage: false });
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([connection.pageInfo.startCursor, connection.pageInfo.endCursor]).toEqual([null, null]);
  });

  it('never serves more than first, and says there is more', () => {
    const { page: p } = page(5);
    const connection = toConnection(scope, { first: 3, after: null }, { ...p, hasNextPage: false });
    expect(connection.edges).toHaveLength(3);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(scope.secret, scope.key, connection.pageInfo.endCursor!)).toBe('token-2');
  });
});
