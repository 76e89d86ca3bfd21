/**
 * The process logger (pino). Request loggers are children carrying `reqId` and `tenant`.
 * Authorization headers and cookie values are redacted: they hold API keys.
 */
import pino, { type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Creates the root logger; `level` defaults to `info`. */
export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({
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
  });
}
