/** Operation lines are written once, with the status sent — or Apollo's when the client left first. */
import pino from 'pino';
import { OperationLog } from '../../../src/observability/operation-log';

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('OperationLog', () => {
  it('writes each held line of a request with the status its response was sent with', () => {
    const { logger, lines } = memoryLogger();
    const log = new OperationLog();
    const signal = new AbortController().signal;
    log.hold(logger, { operationName: 'A' }, 400, signal);
    log.hold(logger, { operationName: 'B' }, 400, signal);
    expect(lines).toEqual([]);
    expect(log.write(logger, 200)).toBe(true);
    expect(lines.map((l) => [l.msg, l.operationName, l.status])).toEqual([
      ['graphql operation', 'A', 200],
      ['graphql operation', 'B', 200],
    ]);
  });

  it('says when a request held no line, so the access log writes its own', () => {
    const { logger, lines } = memoryLogger();
    expect(new OperationLog().write(logger, 401)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('writes the line with Apollo’s status when the client leaves before the response, and only once', () => {
    const { logger, lines } = memoryLogger();
    const log = new OperationLog();
    const aborter = new AbortController();
    log.hold(logger, { operationName: 'Left' }, 200, aborter.signal);
    aborter.abort();
    expect(log.write(logger, 200)).toBe(true);
    expect(lines.map((l) => [l.operationName, l.status])).toEqual([['Left', 200]]);

    const gone = memoryLogger();
    log.hold(gone.logger, { operationName: 'Gone' }, 500, aborter.signal);
    expect(gone.lines.map((l) => [l.operationName, l.status])).toEqual([['Gone', 500]]);
  });
});
