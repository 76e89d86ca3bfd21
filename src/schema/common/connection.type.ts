/** Builds the Relay `<Name>Connection` / `<Name>Edge` types for a node type. */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { UpstreamError } from '../../errors';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What connection resolvers return; node values are the model records. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | null;
  /** When the page's data was downloaded from the provider (ISO 8601). */
  fetchedAt: string;
  /** Rows the provider sent malformed, left out of the page: reported with the field's path (list-field.ts). */
  rowErrors?: readonly UpstreamError[];
}

export interface ConnectionOptions {
  /**
   * The edge's node may be null (Relay allows it): a non-null error inside one node — a field its
   * provider failed or cannot serve — then nulls that node alone instead of the whole listing. For
   * listings that span providers (companies), where one provider's failure must not hide the others.
   */
  nullableNode?: boolean;
  /** Exposes `fetchedAt`: for listings a provider cannot page, served from a snapshot of the listing. */
  snapshot?: boolean;
}

const FETCHED_AT = [
  'When the data on this page was downloaded from the provider. Listings a provider cannot page',
  '(MyUnisoft entries and movement windows) are served from a snapshot: the first page downloads the',
  'listing, or reuses a snapshot at most `cache.snapshotTtlMs` old (default 60 s), and later pages read',
  'that same download without asking the provider again, so a page can be up to that old. A cursor whose',
  'snapshot expired is not an error: its page comes from a fresh download, resuming after the',
  "cursor's edge, and fetchedAt moves forward. Other listings are read live: the time of the request.",
].join(' ');

export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T>,
  plural: string,
  options: ConnectionOptions = {},
) {
  // Simple resolvers: plain reads (no middleware or auth checker), no per-field wrapper for 500 edges a page.
  @ObjectType(`${name}Edge`, {
    description: `One ${name} of a page, with its cursor.`,
    simpleResolvers: true,
  })
  class EdgeType {
    @Field({ description: 'Opaque cursor; pass it as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => nodeType, {
      nullable: options.nullableNode ?? false,
      description: options.nullableNode
        ? `The ${name}; null only when one of its selected non-null fields failed (see \`errors\`), so the other edges still answer.`
        : `The ${name}.`,
    })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.`, simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      nullable: true,
      description: 'Total count of the whole listing when the provider can tell, otherwise null.',
    })
    totalCount!: number | null;

    fetchedAt!: string;
  }
  // Declared only on snapshot-served connections, so the others do not promise a field they never vary.
  if (options.snapshot)
    Field(() => DateTimeScalar, { description: FETCHED_AT })(ConnectionType.prototype, 'fetchedAt');

  return ConnectionType;
}
