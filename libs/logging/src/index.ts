import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import type PinoPretty from 'pino-pretty';

/** How log lines are written: for a person at a terminal, or one JSON object a line for a collector. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * The format asked for with LOG_FORMAT, else pretty when stdout is a terminal and JSON lines
 * otherwise (a container's log driver, a file, a pipe).
 */
export function logFormatFor(asked: string | undefined, stdoutIsTty: boolean): LogFormat {
  const format = asked?.trim().toLowerCase();
  if (!format) return stdoutIsTty ? 'pretty' : 'json';
  if ((LOG_FORMATS as readonly string[]).includes(format)) return format as LogFormat;
  throw new Error(`LOG_FORMAT must be ${LOG_FORMATS.join(' or ')}, not "${asked}"`);
}

/** What every line carries in both formats: an ISO instant and the level's name. */
export function logOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** Where the lines go: stdout, through pino-pretty for the pretty format. */
export function logDestination(
  format: LogFormat,
  output: NodeJS.WritableStream = process.stdout,
): DestinationStream {
  if (format === 'json') return output === process.stdout ? pino.destination(1) : output;
  return prettyPrinter()({
    destination: output,
    // Colours only for a terminal: LOG_FORMAT=pretty into a file stays plain text.
    colorize: (output as { isTTY?: boolean }).isTTY === true,
    // The instant as written (ISO); the request's details are in its message already.
    translateTime: false,
    ignore: 'pid,hostname,context,req,res,responseTime,route',
    messageFormat: '{if context}{context}: {end}{msg}',
    sync: true,
  });
}

/** pino-pretty, loaded only for the pretty format: a JSON-only install may leave it out. */
function prettyPrinter(): typeof PinoPretty {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
    return require('pino-pretty') as typeof PinoPretty;
  } catch {
    throw new Error('LOG_FORMAT=pretty needs the pino-pretty package; install it or use json');
  }
}

/** A logger of a process that is not the API (the simulator), in the API's format. */
export function createLogger(options: {
  name: string;
  level?: string;
  format?: string;
  output?: NodeJS.WritableStream;
}): Logger {
  const output = options.output ?? process.stdout;
  const format = logFormatFor(options.format, (output as { isTTY?: boolean }).isTTY === true);
  return pino(
    { ...logOptions(options.level ?? 'info'), base: { context: options.name } },
    logDestination(format, output),
  );
}
