import {
  directorySchema,
  IngestEvent,
  IngestResult,
  LocalClock,
  MAX_EVENTS_PER_REQUEST,
  WorkingCalendar,
} from '@ioc/domain';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { EventSink } from './ingest-client';
import { runSimulator, SimulatorOptions, STATE_FILE_NAME } from './run-simulator';
import { SimulatedStream } from './simulated-stream';
import type { SimulatorLogger } from './simulator-logger';

/** The state file as written: instants in ISO-8601. */
interface SavedState {
  genesis: string;
  simulatedUntil: string;
  accelerations: { from: string; to: string | null; speed: number }[];
}

const directory = directorySchema.parse(demoDirectory);
const clock = new LocalClock('Asia/Ho_Chi_Minh');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Collects what would be posted, noting the wall clock at each send. */
class CollectingSink implements EventSink {
  readonly events: IngestEvent[] = [];
  readonly batchSizes: number[] = [];
  readonly postedAfterNow: IngestEvent[] = [];

  constructor(private readonly now: () => number) {}

  send(events: readonly IngestEvent[]): Promise<IngestResult> {
    const now = this.now();
    this.batchSizes.push(events.length);
    for (const event of events) {
      this.events.push(event);
      if (Date.parse(event.occurredAt) > now) this.postedAfterNow.push(event);
    }
    return Promise.resolve({ accepted: events.length, duplicates: 0, rejected: [] });
  }
}

/** Stops the simulator when it has logged a line containing `text`. */
function loggerStoppingAt(
  text: string,
  stop: AbortController,
): SimulatorLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string) => {
    lines.push(message);
    if (message.includes(text)) stop.abort();
  };
  return { lines, info: log, warn: log, error: log };
}

describe('runSimulator', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = await mkdtemp(join(tmpdir(), 'simulator-'))));
  afterEach(() => rm(dataDir, { recursive: true, force: true }));
  const savedState = async () =>
    JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')) as SavedState;

  const options = (overrides: Partial<SimulatorOptions>): SimulatorOptions => ({
    apiUrl: 'http://127.0.0.1:1',
    apiKey: 'unused',
    seed: 2021,
    scale: 0.02,
    speed: 1,
    backfillMonths: 1,
    dataDir,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    directory,
    tickMs: 5,
    ...overrides,
  });

  it('backfills on the first start, then fills only the gap after a restart, as one stream', async () => {
    const firstNow = clock.startOfDay('2026-03-10') + 10 * HOUR_MS;
    const first = new CollectingSink(() => firstNow);
    const firstStop = new AbortController();
    const firstLogger = loggerStoppingAt('live:', firstStop);
    await runSimulator(
      options({ now: () => firstNow, sink: first, logger: firstLogger, signal: firstStop.signal }),
    );
    expect(
      firstLogger.lines.some((line) =>
        /^backfill \d+ %: \d+\/29 days, [\d,]+ events posted, \d+ events\/s$/.test(line),
      ),
    ).toBe(true);
    expect(first.batchSizes.every((size) => size <= 2_000 && size <= MAX_EVENTS_PER_REQUEST)).toBe(
      true,
    );
    const saved = await savedState();
    const genesis = clock.startOfDay('2026-02-10');
    expect(Date.parse(saved.genesis)).toBe(genesis);
    expect(Date.parse(saved.simulatedUntil)).toBe(firstNow);

    const secondNow = firstNow + 2 * DAY_MS;
    const second = new CollectingSink(() => secondNow);
    const secondStop = new AbortController();
    const secondLogger = loggerStoppingAt('live:', secondStop);
    await runSimulator(
      options({
        now: () => secondNow,
        sink: second,
        logger: secondLogger,
        signal: secondStop.signal,
      }),
    );
    expect(secondLogger.lines[0]).toMatch(/^catch-up: 3 days/);
    expect(Math.min(...second.events.map((e) => Date.parse(e.occurredAt)))).toBeGreaterThanOrEqual(
      firstNow,
    );

    const whole = new SimulatedStream({
      seed: 2021,
      scale: 0.02,
      directory,
      calendar: new WorkingCalendar(clock),
      genesis,
    }).eventsBetween(genesis, secondNow);
    expect([...first.events, ...second.events]).toEqual(whole);
  });

  it('posts live events as time passes, never one dated after the wall clock', async () => {
    // A wall clock running an hour a second through a working morning.
    const start = clock.startOfDay('2026-03-10') + 7 * HOUR_MS;
    const startedAt = Date.now();
    const now = () => start + (Date.now() - startedAt) * 3_600;
    const sink = new CollectingSink(now);
    const stop = new AbortController();
    const stopping = setTimeout(() => stop.abort(), 1_500);
    await runSimulator(
      options({ now, sink, backfillMonths: 0, scale: 1, speed: 3, signal: stop.signal }),
    );
    clearTimeout(stopping);
    expect(sink.events.filter((e) => e.type === 'dossier.received').length).toBeGreaterThan(50);
    expect(sink.postedAfterNow).toEqual([]);
    const saved = await savedState();
    // The faster stretch is kept so that its extra dossiers live on after a restart.
    expect(saved.accelerations).toHaveLength(1);
    expect(saved.accelerations[0]).toMatchObject({ speed: 3, to: saved.simulatedUntil });
    expect(Date.parse(saved.accelerations[0].from)).toBeGreaterThanOrEqual(start);
  });

  it('keeps going with the stream it started when restarted with another seed', async () => {
    const now = clock.startOfDay('2026-03-10') + 10 * HOUR_MS;
    for (const seed of [2021, 7]) {
      const stop = new AbortController();
      const logger = loggerStoppingAt('live:', stop);
      await runSimulator(
        options({
          seed,
          now: () => now,
          sink: new CollectingSink(() => now),
          logger,
          signal: stop.signal,
        }),
      );
      if (seed === 7) expect(logger.lines[0]).toMatch(/holds seed 2021 at scale 0.02; continuing/);
    }
  });

  it('fails with the reason when the state file is damaged', async () => {
    await writeFile(join(dataDir, STATE_FILE_NAME), '{ "seed": ');
    await expect(runSimulator(options({ sink: new CollectingSink(Date.now) }))).rejects.toThrow(
      /simulator-state.json is damaged/,
    );
  });
});
