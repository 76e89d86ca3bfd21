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
  return pino(options, destination ?? bufferedStdout());
}

/** Bytes of log lines held before one write to stdout (about eight request lines). */
const STDOUT_BUFFER_BYTES = 4096;
/** The longest a held line waits before it is written anyway (a quiet gateway still logs promptly). */
const STDOUT_FLUSH_MS = 200;

/**
 * Stdout through pino's own SonicBoom, asynchronous as pino's default, but holding lines up to
 * STDOUT_BUFFER_BYTES: one thread-pool write (and its two wake-ups) per request line was a quarter of a
 * one-call request's CPU (bench/notes.md, "gateway overhead, round three"). pino flushes it on exit.
 */
function bufferedStdout(): DestinationStream {
  return pino.destination({
    dest: 1,
    sync: false,
    minLength: STDOUT_BUFFER_BYTES,
    periodicFlush: STDOUT_FLUSH_MS,
  });
}
