/**
 * The process logger (pino). Request loggers are children carrying `reqId` and `tenant`.
 * Authorization headers and cookie values are redacted: they hold API keys.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Creates the root logger; `level` defaults to `info`, `destination` to stdout (tests capture lines
 * with an in-memory stream). Stdout is written synchronously: pino's default destination hands each
 * line to the thread pool, whose wake-ups cost a quarter of a single-call request's CPU at 30 ms
 * upstream (bench/notes.md, "gateway overhead, round three"); a stalled reader of stdout now slows
 * the gateway down instead of piling lines up in its memory.
 */
export function createLogger(level: LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'grand-livre' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        '*.apiKey',
        '*.password',
      ],
      censor: '[redacted]',
    },
  };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
