import { PassThrough } from 'node:stream';
import { createLogger, logFormatFor } from './index';

/** A stream that says it is (or is not) a terminal, and keeps what was written. */
function output(isTTY: boolean): { stream: PassThrough; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('logFormatFor', () => {
  it('writes for a person at a terminal and for a collector otherwise', () => {
    expect(logFormatFor(undefined, true)).toBe('pretty');
    expect(logFormatFor(undefined, false)).toBe('json');
    expect(logFormatFor('', false)).toBe('json');
  });

  it('lets LOG_FORMAT decide either way', () => {
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor(' Pretty ', false)).toBe('pretty');
  });

  it('refuses a format it does not know, naming the choices', () => {
    expect(() => logFormatFor('yaml', true)).toThrow(
      'LOG_FORMAT must be pretty or json, not "yaml"',
    );
  });
});

describe('createLogger', () => {
  it('writes JSON lines with an ISO instant, the level by name and who wrote it into a pipe', () => {
    const { stream, text } = output(false);
    createLogger({ name: 'simulator', output: stream }).warn('backfill: 3 days left');
    const line = JSON.parse(text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'warn',
      context: 'simulator',
      msg: 'backfill: 3 days left',
    });
    expect(line.time).toMatch(new RegExp(`^${ISO.source}$`));
  });

  it('writes one coloured line per message into a terminal', () => {
    const { stream, text } = output(true);
    createLogger({ name: 'simulator', output: stream }).info('live: posting every 1000 ms');
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(ANSI);
    expect(lines[0]).toMatch(ISO);
    expect(lines[0]).toContain('simulator: live: posting every 1000 ms');
    expect(() => JSON.parse(lines[0]) as unknown).toThrow();
  });

  it('writes plain pretty lines when asked for them into a file', () => {
    const { stream, text } = output(false);
    createLogger({ name: 'simulator', format: 'pretty', output: stream }).error('API unreachable');
    expect(text().trim()).toMatch(
      new RegExp(`^\\[${ISO.source}\\] ERROR: simulator: API unreachable$`),
    );
  });

  it('writes JSON into a terminal when asked to', () => {
    const { stream, text } = output(true);
    createLogger({ name: 'simulator', format: 'json', output: stream, level: 'debug' }).debug(
      'tick',
    );
    expect(JSON.parse(text())).toMatchObject({ level: 'debug', msg: 'tick' });
  });
});
