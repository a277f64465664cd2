export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Whether a line at `level` is written: lets a hot path skip building fields nobody reads. */
  isEnabled(level: LogLevel): boolean;
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured logs: one JSON object a line on stdout (errors on stderr), errors reduced to name and message. */
export function createLogger(level: LogLevel, write: (line: string, isError: boolean) => void = defaultWrite): Logger {
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (levelRank[at] < levelRank[level]) return;
    const entry = { time: new Date().toISOString(), level: at, message, ...serialiseFields(fields) };
    write(JSON.stringify(entry), at === 'error');
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), isEnabled: (at) => levelRank[at] >= levelRank[level] };
}

function serialiseFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    ]),
  );
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}
