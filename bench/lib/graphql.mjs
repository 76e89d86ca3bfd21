// POSTs GraphQL to a gateway with an API key; throws on HTTP or GraphQL errors unless told not to.
// `raw` returns the whole body (data and errors) instead of its data.
import { request } from 'undici';

export async function gql(
  url,
  query,
  variables = {},
  { apiKey = 'demo', dispatcher, allowErrors = false, raw = false } = {},
) {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
    ...(dispatcher ? { dispatcher } : {}),
  });
  const body = JSON.parse(await response.body.text());
  if (response.statusCode !== 200 || (!allowErrors && body.errors))
    throw new Error(`GraphQL ${response.statusCode}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return raw ? body : body.data;
}
