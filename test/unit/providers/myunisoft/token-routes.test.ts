/**
 * The token's route list from `key/info`: a documented list refuses an unlisted route before any call;
 * a list in another form (or shape) is not trusted, so a guess about its format never stops a call.
 */
import { GrantedRoutes } from '../../../../src/providers/myunisoft/token-routes';
import { RouteNotGrantedError } from '../../../../src/errors';

const movements = ['GET', '/api/v1/mad/movements', 'GET /api/v1/mad/movements'] as const;

it('refuses a route missing from a documented list, and allows a listed one (method case, trailing slash)', () => {
  const routes = GrantedRoutes.fromKeyInfo([
    { path: '/api/v1/society/', method: 'get' },
    { path: '/api/v1/key/info', method: 'GET' },
  ]);
  expect(() => routes.assertAllowed('GET', '/api/v1/society', 'GET /api/v1/society')).not.toThrow();
  expect(() => routes.assertAllowed(...movements)).toThrow(RouteNotGrantedError);
});

it.each([
  ['paths without the /api/v1/ prefix', [{ path: '/mad/society', method: 'GET' }]],
  ['another shape', { routes: [{ path: '/api/v1/society', method: 'GET' }] }],
])('leaves the routes unknown for %s: nothing is refused in advance', (_, body) => {
  expect(() => GrantedRoutes.fromKeyInfo(body).assertAllowed(...movements)).not.toThrow();
});
