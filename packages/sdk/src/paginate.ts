/**
 * Walks a connection page by page: each page's `pageInfo.endCursor` becomes the next request's
 * `$after`, until `hasNextPage` is false. The document declares `$after: String` and selects
 * `pageInfo { hasNextPage endCursor }` and `edges { node { … } }` of the connection at `path`.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind } from 'graphql';

/** The value at `path` in `T` (nullable steps allowed: a null parent ends the walk). */
export type AtPath<T, P extends readonly string[]> = P extends readonly [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? Head extends keyof NonNullable<T>
    ? AtPath<NonNullable<T>[Head], Rest>
    : never
  : NonNullable<T>;

/** The node type of a connection's edges. */
export type NodeOf<C> = C extends { edges: readonly (infer E)[] }
  ? NonNullable<E> extends { node: infer N }
    ? N
    : never
  : never;

interface Page {
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
  edges?: readonly ({ node?: unknown } | null)[];
}

export async function* paginate<TData, TVariables, const P extends readonly string[]>(
  run: (variables: TVariables) => Promise<TData>,
  document: TypedDocumentNode<TData, TVariables>,
  variables: Omit<TVariables, 'after'>,
  path: P,
): AsyncGenerator<NodeOf<AtPath<TData, P>>, void, undefined> {
  const takesAfter = document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.variableDefinitions?.some((v) => v.variable.name.value === 'after'),
  );
  if (!takesAfter) throw new TypeError('paginate needs a document declaring $after: String.');
  let after: string | null = null;
  for (;;) {
    const data = await run({ ...variables, after } as TVariables);
    const page = path.reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | null)?.[key],
      data,
    ) as Page | null | undefined;
    if (!page) return;
    if (!page.pageInfo || !page.edges)
      throw new TypeError(
        `paginate: select pageInfo { hasNextPage endCursor } and edges { node } at ${path.join('.')}.`,
      );
    for (const edge of page.edges) if (edge) yield edge.node as NodeOf<AtPath<TData, P>>;
    const next = page.pageInfo.endCursor ?? null;
    if (!page.pageInfo.hasNextPage || next === null) return;
    // A cursor that does not move would loop for ever.
    if (next === after) throw new Error(`paginate: the cursor at ${path.join('.')} did not advance.`);
    after = next;
  }
}
