/**
 * The 'graphql operation' lines of requests not answered yet. The operation plugin holds a line when
 * Apollo is done; the access-log hook writes it once the response is sent, with the status the client
 * got (an application/json request error leaves Apollo as 400 and is sent as 200: request-error-status.ts).
 * A client that leaves before the answer still gets its line, with Apollo's status.
 */
import type { Logger } from '../logger';

type Fields = Record<string, unknown>;

export class OperationLog {
  private readonly held = new WeakMap<Logger, Fields[]>();

  /** Keeps one operation's line until its response is sent; if `signal` aborts first, writes it with Apollo's `status`. */
  hold(logger: Logger, fields: Fields, status: number, signal: AbortSignal): void {
    if (signal.aborted) {
      logger.info({ ...fields, status }, 'graphql operation');
      return;
    }
    const known = this.held.get(logger);
    if (known) {
      known.push(fields);
      return;
    }
    this.held.set(logger, [fields]);
    signal.addEventListener('abort', () => this.write(logger, status), { once: true });
  }

  /** Writes the request's held lines with the status sent; false when it held none (not a GraphQL request). */
  write(logger: Logger, status: number): boolean {
    const known = this.held.get(logger);
    if (!known) return false;
    // Emptied, not deleted: a response finishing after its client left writes nothing twice.
    for (const fields of known.splice(0)) logger.info({ ...fields, status }, 'graphql operation');
    return true;
  }
}
