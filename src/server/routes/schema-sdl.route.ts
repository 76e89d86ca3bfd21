/**
 * `GET /schema.graphql`: the schema as SDL (sorted, exactly `schema/schema.graphql`), for codegen and
 * IDEs, served only where introspection is on — it reveals what introspection would, no more — and
 * then without a key, like the committed file. Elsewhere 404, as an unknown route.
 */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { FastifyInstance } from 'fastify';

export function schemaSdlRoute(app: FastifyInstance, options: { schema: GraphQLSchema }): void {
  const sdl = `${printSchema(lexicographicSortSchema(options.schema))}\n`;
  app.get('/schema.graphql', async (_request, reply) =>
    reply.type('application/graphql; charset=utf-8').header('cache-control', 'no-cache').send(sdl),
  );
}
