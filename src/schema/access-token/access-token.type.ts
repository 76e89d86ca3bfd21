import { Field, InputType, Int, ObjectType, registerEnumType, ID } from 'type-graphql';
import type { AccessScope } from '../../auth/access-scope';
import { DateTimeScalar } from '../scalars/date-time.scalar';

export const AccessScopeEnum = { READ: 'READ', EXPORT: 'EXPORT', UPLOAD: 'UPLOAD' } as const satisfies {
  [K in AccessScope]: K;
};
registerEnumType(AccessScopeEnum, {
  name: 'AccessScope',
  description: 'What an access token may run.',
  valuesConfig: {
    READ: { description: 'Queries.' },
    EXPORT: { description: 'createExportJob and startBulkExport.' },
    UPLOAD: { description: 'uploadDocument and createExpenseBill.' },
  },
});

@InputType({ description: 'What a new access token may see and run, and for how long.' })
export class CreateAccessTokenInput {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Global ids of the only companies the token may see (others answer like unknown ids); default every company of your tenant.',
  })
  companyIds?: string[] | null;

  @Field(() => [AccessScopeEnum], { description: 'What the token may run; at least one.' })
  scopes!: AccessScope[];

  @Field(() => Int, {
    nullable: true,
    description: 'Lifetime in seconds: default 900 (15 minutes), at most 86400 (24 hours).',
  })
  ttlSeconds?: number | null;
}

@ObjectType({ description: 'A short-lived token for a browser, sent as `Authorization: Bearer <token>`.' })
export class AccessToken {
  @Field({ description: 'The token; keep it in memory, not in storage that outlives the page.' })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the token stops working (UNAUTHENTICATED after).' })
  expiresAt!: string;

  @Field(() => [AccessScopeEnum], { description: 'What the token may run.' })
  scopes!: AccessScope[];
}
