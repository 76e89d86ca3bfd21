/**
 * The process logger (pino). Request loggers are children carrying `reqId` and `tenant`.
 * Authorization headers and cookie values are redacted: they hold API keys.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Creates the root logger; `level` defaults to `info`, `destination` to stdout (tests capture lines
 * with an in-memory stream).
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
  return destination ? pino(options, destination) : pino(options);
}
