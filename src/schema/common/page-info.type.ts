import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Relay pagination state of a connection (forward pagination with first/after).',
  simpleResolvers: true,
})
export class PageInfo {
  @Field({ description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked after a cursor (items precede it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first edge, null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}
