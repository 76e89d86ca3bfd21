/**
 * A tiny real HTTP server on loopback whose answers each test scripts (500s, 429 with Retry-After,
 * socket resets, stalls), recording what reached it. Real sockets, so the UpstreamClient under test
 * runs its undici Pool exactly as in production.
 */
import http from 'node:http';
import { UpstreamClient, type UpstreamClientOptions } from '../../../../src/providers/http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  at: number;
}

export type Script = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void;

export interface ScriptedServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Requests being handled right now (not yet answered or torn down). */
  inFlight: number;
  peakInFlight: number;
  script: Script;
  close(): Promise<void>;
}

export const answer =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Script =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/** Destroys the connection without any response. */
export const resetSocket: Script = (req) => req.socket.destroy();

/** Never answers (until the server closes). */
export const stall: Script = () => undefined;

/** Sends headers and part of a body, then goes silent. */
export const stallBody: Script = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"items":[');
};

/**
 * Holds every request until `peak` are at the server at once, waits `settleMs` more (so a broken
 * cap has time to send extra requests), then lets them and all later ones through to `then`. With a
 * working cap the peak is exactly `peak` however slowly a loaded machine delivers requests; a fixed
 * answer delay flaked in CI.
 */
export function holdUntilInFlight(peak: number, then: Script, settleMs = 50): Script {
  const held: Array<() => void> = [];
  let open = false;
  return (req, res, index) => {
    if (open) return then(req, res, index);
    const release = () => then(req, res, index);
    held.push(release);
    // a request the client tore down while held is no longer at the server: it must not count
    res.once('close', () => {
      if (!open && held.includes(release)) held.splice(held.indexOf(release), 1);
    });
    if (held.length !== peak) return;
    setTimeout(() => {
      open = true;
      for (const release of held.splice(0)) release();
    }, settleMs);
  };
}

/** Answers request n with scripts[n], repeating the last script afterwards. */
export const sequence =
  (...scripts: Script[]): Script =>
  (req, res, index) =>
    (scripts[Math.min(index, scripts.length - 1)] as Script)(req, res, index);

export async function startScriptedServer(): Promise<ScriptedServer> {
  const sockets = new Set<import('node:net').Socket>();
  const state: ScriptedServer = {
    baseUrl: '',
    received: [],
    inFlight: 0,
    peakInFlight: 0,
    script: answer(200),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    const index = state.received.length;
    state.received.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    state.inFlight += 1;
    state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
    let done = false;
    const finish = () => {
      if (!done) state.inFlight -= 1;
      done = true;
    };
    res.once('finish', finish);
    res.once('close', finish);
    req.resume();
    state.script(req, res, index);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return state;
}

/**
 * UpstreamClients (PLEO, no retries unless asked) against the current scripted server; `destroyAll`
 * after each test closes them at once.
 */
export function scriptedClients(current: () => ScriptedServer) {
  const clients: UpstreamClient[] = [];
  return {
    make(options: Partial<UpstreamClientOptions> = {}): UpstreamClient {
      const created = new UpstreamClient({
        provider: 'PLEO',
        baseUrl: current().baseUrl,
        maxRetries: 0,
        ...options,
      });
      clients.push(created);
      return created;
    },
    destroyAll: () => Promise.all(clients.splice(0).map((client) => client.destroy())),
  };
}
