import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { createAccessToken } from './access-token.service';
import { AccessToken, CreateAccessTokenInput } from './access-token.type';

@Resolver(() => AccessToken)
export class AccessTokenResolver {
  @Mutation(() => AccessToken, {
    description:
      'Mints a short-lived access token for a browser: the named companies only, the given scopes only. Callable with the API key only (FORBIDDEN with an access token). Rotating tenants[].tokenSigningKey revokes every token.',
  })
  createAccessToken(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateAccessTokenInput, { description: 'What the token may see and run.' })
    input: CreateAccessTokenInput,
  ): AccessToken {
    return createAccessToken(ctx, input);
  }
}
