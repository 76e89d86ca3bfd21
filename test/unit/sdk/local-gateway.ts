/**
 * A real HTTP server on an ephemeral loopback port standing in for the gateway in the SDK's unit
 * tests: each test scripts its answers (or cuts connections) and reads what was received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: Received, response: ServerResponse, index: number) => void;

export interface LocalGateway {
  url: string;
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

/** Answers a GraphQL JSON body. */
export const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-test' });
  response.end(JSON.stringify(body));
};

/** Cuts the connection without an answer: the client sees ECONNRESET / "other side closed". */
export const cut = (response: ServerResponse) => response.socket?.destroy();

export async function startLocalGateway(handler: Handler): Promise<LocalGateway> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      handler(entry, response, received.length - 1);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    received,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
