/** Builds the Relay `<Name>Connection` / `<Name>Edge` types for a node type. */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
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
}

export interface ConnectionOptions {
  /**
   * The edge's node may be null (Relay allows it): a non-null error inside one node — a field its
   * provider failed or cannot serve — then nulls that node alone instead of the whole listing. For
   * listings that span providers (companies), where one provider's failure must not hide the others.
   */
  nullableNode?: boolean;
}

export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T>,
  plural: string,
  options: ConnectionOptions = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
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

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.` })
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
  }

  return ConnectionType;
}
