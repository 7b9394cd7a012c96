import { LocalClock } from '../time/local-date';
import {
  edgeReading,
  parseInstant,
  previousWindow,
  resolveWindow,
  splitWindow,
  windowBounds,
  WindowQueryError,
} from './windows';

const clock = new LocalClock();
const at = (local: string) => Date.parse(`${local}+07:00`);

describe('windowBounds', () => {
  it('starts a named window at local midnight of its first day and ends it now', () => {
    const now = at('2026-11-21T15:00:00'); // a Saturday
    expect(windowBounds('today', now, clock)).toEqual({ from: at('2026-11-21T00:00:00'), to: now });
    expect(windowBounds('week', now, clock).from).toBe(at('2026-11-16T00:00:00'));
    expect(windowBounds('month', now, clock).from).toBe(at('2026-11-01T00:00:00'));
    expect(windowBounds('year', now, clock).from).toBe(at('2026-01-01T00:00:00'));
  });

  it('takes the window of the same length just before as the previous one', () => {
    const today = windowBounds('today', at('2026-11-21T15:00:00'), clock);
    expect(previousWindow(today)).toEqual({
      from: at('2026-11-20T09:00:00'),
      to: at('2026-11-21T00:00:00'),
    });
  });
});

describe('parseInstant', () => {
  it('reads ISO-8601 with an offset or Z, to the millisecond', () => {
    expect(parseInstant('to', '2026-11-21T12:00:00+07:00')).toBe(at('2026-11-21T12:00:00'));
    expect(parseInstant('to', '2026-11-21T05:00Z')).toBe(at('2026-11-21T12:00:00'));
    expect(parseInstant('to', '2026-11-21T12:00:00.125+0700')).toBe(at('2026-11-21T12:00:00.125'));
  });

  it('refuses a local time without an offset, a date alone or nonsense, naming the parameter', () => {
    for (const value of ['2026-11-21T12:00:00', '2026-11-21', 'yesterday']) {
      expect(() => parseInstant('from', value)).toThrow(
        new WindowQueryError(
          'from: must be an ISO-8601 date-time with offset, e.g. 2026-11-21T00:00:00+07:00',
        ),
      );
    }
    expect(() => parseInstant('to', 'yesterday')).toThrow(WindowQueryError);
    expect(() => parseInstant('to', '2026-13-45T12:00:00+07:00')).toThrow(
      new WindowQueryError('to: not a valid date-time'),
    );
  });
});

describe('resolveWindow', () => {
  const now = at('2026-11-21T15:00:00');

  it('is since local midnight until now by default, or until `to` from its own midnight', () => {
    expect(resolveWindow({}, now, clock)).toEqual({ from: at('2026-11-21T00:00:00'), to: now });
    expect(resolveWindow({ to: '2026-11-20T01:30:00+07:00' }, now, clock)).toEqual({
      from: at('2026-11-20T00:00:00'),
      to: at('2026-11-20T01:30:00'),
    });
  });

  it('takes `from` and `to` as given, and a named window only without them', () => {
    expect(
      resolveWindow(
        { from: '2026-11-16T00:00:00+07:00', to: '2026-11-21T12:00:00+07:00', window: 'year' },
        now,
        clock,
      ),
    ).toEqual({ from: at('2026-11-16T00:00:00'), to: at('2026-11-21T12:00:00') });
    expect(resolveWindow({ window: 'week' }, now, clock)).toEqual({
      from: at('2026-11-16T00:00:00'),
      to: now,
    });
  });

  it('refuses `from` after `to`, and a window longer than 400 days', () => {
    const instant = '2026-11-21T15:00:00+07:00';
    expect(resolveWindow({ from: instant, to: instant }, now, clock)).toEqual({
      from: now,
      to: now,
    });
    expect(() => resolveWindow({ from: '2026-11-21T15:00:00.001+07:00' }, now, clock)).toThrow(
      new WindowQueryError('from: must not be after to'),
    );
    // 400 days exactly is allowed; 1 ms more is not.
    expect(resolveWindow({ from: '2025-10-17T15:00:00+07:00' }, now, clock).from).toBe(
      at('2025-10-17T15:00:00'),
    );
    expect(() => resolveWindow({ from: '2025-10-17T14:59:59.999+07:00' }, now, clock)).toThrow(
      new WindowQueryError('The window is longer than 400 days'),
    );
  });
});

describe('splitWindow', () => {
  it('keeps a window inside one day as a single edge and no whole day', () => {
    const window = { from: at('2026-11-21T00:00:00'), to: at('2026-11-21T15:00:00') };
    expect(splitWindow(window, clock)).toEqual({
      firstDay: '2026-11-21',
      endDay: '2026-11-21',
      edges: [{ day: '2026-11-21', ...window }],
    });
  });

  it('reads whole days from the rollups and cuts edges at local midnight', () => {
    const split = splitWindow(
      { from: at('2026-11-18T09:00:00'), to: at('2026-11-21T15:00:00') },
      clock,
    );
    expect(split).toEqual({
      firstDay: '2026-11-19',
      endDay: '2026-11-21',
      edges: [
        { day: '2026-11-18', from: at('2026-11-18T09:00:00'), to: at('2026-11-19T00:00:00') },
        { day: '2026-11-21', from: at('2026-11-21T00:00:00'), to: at('2026-11-21T15:00:00') },
      ],
    });
  });

  it('never lets an edge cross midnight when the window spans two part days', () => {
    const split = splitWindow(
      { from: at('2026-11-20T09:00:00'), to: at('2026-11-21T15:00:00') },
      clock,
    );
    expect(split.firstDay >= split.endDay).toBe(true);
    expect(split.edges.map((edge) => edge.day)).toEqual(['2026-11-20', '2026-11-21']);
  });

  it('has nothing to read for an empty window or a window ending at midnight', () => {
    const midnight = at('2026-11-21T00:00:00');
    expect(splitWindow({ from: midnight, to: midnight }, clock).edges).toEqual([]);
    expect(splitWindow({ from: at('2026-11-14T00:00:00'), to: midnight }, clock)).toEqual({
      firstDay: '2026-11-14',
      endDay: '2026-11-21',
      edges: [],
    });
  });
});

describe('edgeReading', () => {
  const today = (from: string, to: string) => ({
    day: '2026-11-21',
    from: at(`2026-11-21T${from}`),
    to: at(`2026-11-21T${to}`),
  });

  it('reads "today so far" as the whole day less nothing once no event lies after now', () => {
    const edge = today('00:00:00', '15:00:00');
    expect(edgeReading(edge, clock, at('2026-11-21T14:59:59'))).toEqual({
      wholeDay: true,
      facts: [{ from: edge.to, to: at('2026-11-22T00:00:00') }],
    });
  });

  it('reads an edge from its own facts when the rest of the day holds more', () => {
    const edge = today('00:00:00', '03:00:00');
    expect(edgeReading(edge, clock, at('2026-11-21T20:00:00'))).toEqual({
      wholeDay: false,
      facts: [{ from: edge.from, to: edge.to }],
    });
  });

  it('takes both ends of the day off for an edge in the middle of it', () => {
    const edge = today('01:00:00', '23:00:00');
    expect(edgeReading(edge, clock, at('2026-11-22T08:00:00'))).toEqual({
      wholeDay: true,
      facts: [
        { from: at('2026-11-21T00:00:00'), to: edge.from },
        { from: edge.to, to: at('2026-11-22T00:00:00') },
      ],
    });
  });

  it('counts an event at exactly the horizon as one that can lie after the edge', () => {
    const edge = today('00:00:00', '12:00:00');
    // The rest of the day [12:00, 24:00) holds facts up to the horizon, 20:00 inclusive: 8 h + 1 ms.
    expect(edgeReading(edge, clock, at('2026-11-21T20:00:00')).wholeDay).toBe(true);
    expect(edgeReading(edge, clock, at('2026-11-22T00:00:00')).wholeDay).toBe(false);
  });

  it('reads from the facts before any event was derived', () => {
    expect(edgeReading(today('00:00:00', '15:00:00'), clock, -Infinity).wholeDay).toBe(false);
  });
});
