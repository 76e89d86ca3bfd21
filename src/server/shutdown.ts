/**
 * Graceful shutdown on SIGTERM / SIGINT: stop accepting connections, let in-flight requests finish
 * within `drainTimeoutMs`, then cut the remaining client connections (which aborts their upstream
 * calls through the request signal), close the provider pools and the shared store, and exit 0.
 * Anything else started with the gateway (the demo simulators) is closed only after the gateway has
 * drained, so an in-flight request never loses its upstream mid-drain.
 */
import type { FastifyInstance } from 'fastify';

export interface DrainableGateway {
  app: FastifyInstance;
  /** Stops accepting, waits for in-flight requests, closes connectors and the store it created. */
  close(): Promise<void>;
}

export interface ShutdownOptions {
  gateway: DrainableGateway;
  /** How long in-flight requests may run after the signal, in ms (config `shutdown.drainTimeoutMs`). */
  drainTimeoutMs: number;
  /** Closed after the gateway (default nothing). */
  closeAfterGateway?: () => Promise<void>;
  /** Extra time past the drain bound for pools and the store to close, in ms (default 5,000). */
  closeTimeoutMs?: number;
}

/** Drains and closes; resolves true when everything closed in time, false when it had to give up. */
export async function shutDownGracefully(options: ShutdownOptions): Promise<boolean> {
  const { gateway, drainTimeoutMs, closeTimeoutMs = 5_000 } = options;
  // Past the bound, in-flight requests are cut: their sockets close and their upstream calls abort.
  const cutOff = setTimeout(() => gateway.app.server.closeAllConnections(), drainTimeoutMs);
  // A keep-alive connection turns idle when its last request ends; the server's close() waits for it.
  const idleSweep = setInterval(() => gateway.app.server.closeIdleConnections(), 50);
  const closing = (async () => {
    try {
      await gateway.close();
    } finally {
      clearTimeout(cutOff);
      clearInterval(idleSweep);
    }
    await options.closeAfterGateway?.();
    return true;
  })();
  let giveUp: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    giveUp = setTimeout(() => resolve(false), drainTimeoutMs + closeTimeoutMs);
  });
  try {
    return await Promise.race([closing, deadline]);
  } finally {
    clearTimeout(giveUp);
  }
}

export interface SignalHandlingOptions extends ShutdownOptions {
  /** One line per step, for the operator (main.ts passes console.log). */
  log: (line: string) => void;
  /** Ends the process (default process.exit). */
  exit?: (code: number) => void;
}

/** Installs the SIGTERM / SIGINT handlers: the first signal drains, later ones are ignored. */
export function exitGracefullyOnSignals(options: SignalHandlingOptions): void {
  const { log } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining in-flight requests (up to ${options.drainTimeoutMs} ms), then shutting down`);
    shutDownGracefully(options).then(
      (inTime) => {
        if (inTime) log('shutdown complete');
        else log('shutdown: pools or store did not close in time, exiting anyway');
        exit(inTime ? 0 : 1);
      },
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  // `on`, not `once`: a library's signal-exit hook re-raises the signal when it is the last listener.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
