// Part 1's reference hop: the least a gateway can be — Fastify and an undici pool in front of MyUnisoft,
// answering the company query's JSON from the one GET /api/v1/society, with no GraphQL, auth, limits,
// logging or metrics. It shows what the extra hop alone costs on this machine, so a ratio can be read
// as "hop" plus "gateway work" (the same build measured ×1.06 on one VM and ×1.17 on another).
//   node bench/lib/bare-proxy.mjs <myunisoft url> <headers JSON> <society id> <port>
import Fastify from 'fastify';
import { Agent, request } from 'undici';

const [myunisoftUrl, headersJson, societyId, port] = process.argv.slice(2);
const headers = JSON.parse(headersJson);
const upstream = new Agent({ connections: 16 }); // as the gateway's pool per provider (src/providers/http.ts)
const app = Fastify();
app.post('/graphql', async (_request, reply) => {
  const response = await request(`${myunisoftUrl}/api/v1/society`, { headers, dispatcher: upstream });
  const list = JSON.parse(await response.body.text());
  const society = list.society_array.find((s) => String(s.society_id) === societyId);
  reply.type('application/json; charset=utf-8');
  return JSON.stringify({ data: { company: society ? { id: societyId, name: society.name } : null } });
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.('ready');
