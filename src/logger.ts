import { type Logger, pino } from 'pino';

/** The service's logger: JSON lines on stderr, so stdout stays free for command output (export). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'hlp-graph' } }, pino.destination(2));
}

export type { Logger };
