import {
  addDays,
  daysBetween,
  Directory,
  directorySchema,
  IngestEvent,
  LocalClock,
  MAX_EVENTS_PER_REQUEST,
  WorkingCalendar,
} from '@ioc/domain';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
// The simulator speaks for the demo province the API seeds (DEMO=on).
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { EventSink, IngestClient } from './ingest-client';
import { SimulatedStream } from './simulated-stream';
import type { SimulatorLogger } from './simulator-logger';
import { SimulatorState, SimulatorStateFile } from './simulator-state';

/**
 * 15 % of Bình Phước's volume (≈ 8,000 dossiers a month): the 13-month backfill is ≈ 350,000
 * events, which the API on this 2-core machine stored in 70 s when otherwise idle (≈ 5,000
 * events/s) and in 110–120 s while other test suites ran. Ratios do not depend on the scale.
 */
export const DEFAULT_SCALE = 0.15;
export const DEFAULT_BATCH_SIZE = 2_000;
export const STATE_FILE_NAME = 'simulator-state.json';

// Two requests in flight: the API parses one while PostgreSQL stores the other (5–12 % faster).
const REQUESTS_IN_FLIGHT = 2;
const PROGRESS_STEP_PERCENT = 5;
const LIVE_REPORT_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;

export interface SimulatorOptions {
  apiUrl: string;
  apiKey: string;
  seed: number;
  /** Share of the province's real volume (1 = Bình Phước's ≈ 54,000 dossiers a month). */
  scale: number;
  /** Live mode receives `speed` times as many dossiers, all at real instants. */
  speed: number;
  /** History simulated on the first start; later starts fill only the gap since the last run. */
  backfillMonths: number;
  dataDir: string;
  logger: SimulatorLogger;
  /** Aborting stops the simulator cleanly: what was posted stays recorded. */
  signal?: AbortSignal;
  zone?: string;
  batchSize?: number;
  tickMs?: number;
  directory?: Directory;
  /** The wall clock; a test may run it faster. */
  now?: () => number;
  /** Where events go; the ingest API unless a test collects them. */
  sink?: EventSink;
}

/**
 * Backfills the history on the first start (then only the gap since the last run), and then
 * posts the live stream every second until the signal aborts. Resolves when stopped, rejects on
 * a fault that retrying cannot mend.
 */
export async function runSimulator(options: SimulatorOptions): Promise<void> {
  await new Simulator(options).run();
}

class Simulator {
  private readonly calendar: WorkingCalendar;
  private readonly directory: Directory;
  private readonly sink: EventSink;
  private readonly stateFile: SimulatorStateFile;
  private readonly now: () => number;
  private readonly batchSize: number;
  private stream!: SimulatedStream;

  constructor(private readonly options: SimulatorOptions) {
    this.calendar = new WorkingCalendar(new LocalClock(options.zone));
    this.directory = options.directory ?? directorySchema.parse(demoDirectory);
    this.now = options.now ?? Date.now;
    this.batchSize = Math.min(options.batchSize ?? DEFAULT_BATCH_SIZE, MAX_EVENTS_PER_REQUEST);
    this.stateFile = new SimulatorStateFile(join(options.dataDir, STATE_FILE_NAME));
    this.sink =
      options.sink ??
      new IngestClient({
        apiUrl: options.apiUrl,
        apiKey: options.apiKey,
        logger: options.logger,
        signal: options.signal,
      });
  }

  async run(): Promise<void> {
    try {
      const state = await this.startingState();
      this.stream = this.streamFor(state);
      await this.catchUp(state);
      await this.live(state);
    } catch (error) {
      if (this.options.signal?.aborted) return;
      throw error;
    }
  }

  private async startingState(): Promise<SimulatorState> {
    const { seed, scale, logger } = this.options;
    const saved = await this.stateFile.load();
    if (!saved) {
      const genesis = this.backfillStart();
      const state = { seed, scale, genesis, simulatedUntil: genesis, accelerations: [] };
      await this.stateFile.save(state);
      return state;
    }
    if (saved.seed !== seed || saved.scale !== scale) {
      // Another seed or scale would contradict the events already stored: keep the stream going.
      logger.warn(
        `${this.stateFile.path} holds seed ${saved.seed} at scale ${saved.scale}; ` +
          `continuing that stream (delete the file and the database to start another)`,
      );
    }
    return saved;
  }

  /** Local midnight `backfillMonths` ago; now when there is no backfill. */
  private backfillStart(): number {
    const { backfillMonths } = this.options;
    if (backfillMonths === 0) return this.now();
    return DateTime.fromMillis(this.now(), { zone: this.calendar.clock.zone })
      .minus({ months: backfillMonths })
      .startOf('day')
      .toMillis();
  }

  private streamFor(state: SimulatorState): SimulatedStream {
    return new SimulatedStream({
      seed: state.seed,
      scale: state.scale,
      directory: this.directory,
      calendar: this.calendar,
      genesis: state.genesis,
      accelerations: state.accelerations,
    });
  }

  /** Posts everything from the last simulated instant up to now, a local day at a time. */
  private async catchUp(state: SimulatorState): Promise<void> {
    const { logger } = this.options;
    const { clock } = this.calendar;
    const target = this.now();
    if (target <= state.simulatedUntil) return;
    const label = state.simulatedUntil === state.genesis ? 'backfill' : 'catch-up';
    const totalDays = daysBetween(clock.dateOf(state.simulatedUntil), clock.dateOf(target - 1)) + 1;
    const days = `${totalDays} day${totalDays === 1 ? '' : 's'}`;
    logger.info(
      `${label}: ${days} from ${iso(state.simulatedUntil)} to ${iso(target)} ` +
        `(seed ${state.seed}, scale ${state.scale})`,
    );
    const started = performance.now();
    const rate = (events: number) => Math.round(events / ((performance.now() - started) / 1000));
    let pending: IngestEvent[] = [];
    let posted = 0;
    let daysDone = 0;
    let stepsReported = 0;
    for (let cursor = state.simulatedUntil; cursor < target;) {
      const sliceEnd = Math.min(clock.startOfDay(addDays(clock.dateOf(cursor), 1)), target);
      pending = pending.concat(this.stream.eventsBetween(cursor, sliceEnd));
      cursor = sliceEnd;
      daysDone++;
      if (pending.length < this.batchSize * REQUESTS_IN_FLIGHT && cursor < target) continue;
      await this.post(pending);
      posted += pending.length;
      pending = [];
      state.simulatedUntil = cursor;
      await this.stateFile.save(state);
      const steps = Math.floor((daysDone / totalDays) * (100 / PROGRESS_STEP_PERCENT));
      if (steps > stepsReported && cursor < target) {
        stepsReported = steps;
        logger.info(
          `${label} ${steps * PROGRESS_STEP_PERCENT} %: ${daysDone}/${totalDays} days, ` +
            `${posted.toLocaleString('en')} events posted, ${rate(posted)} events/s`,
        );
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `${label} done: ${days}, ${posted.toLocaleString('en')} events in ${seconds} s ` +
        `(${rate(posted)} events/s)`,
    );
  }

  /** Every tick, the events of [last instant posted, now): never one dated after now. */
  private async live(state: SimulatorState): Promise<void> {
    const { speed, logger, signal } = this.options;
    const tickMs = this.options.tickMs ?? 1_000;
    if (speed > 1) {
      const acceleration = { from: state.simulatedUntil, to: null, speed };
      state.accelerations = [...this.recentAccelerations(state), acceleration];
      this.stream = this.streamFor(state);
    }
    logger.info(`live: posting every ${tickMs} ms${speed > 1 ? ` at ×${speed} the volume` : ''}`);
    let reportStart = this.now();
    let reportedEvents = 0;
    for (;;) {
      await sleep(tickMs, undefined, { signal });
      // A wall clock set back must not make the stream repeat itself.
      const until = Math.max(state.simulatedUntil, this.now());
      const events = this.stream.eventsBetween(state.simulatedUntil, until);
      await this.post(events);
      state.simulatedUntil = until;
      await this.stateFile.save(closeAccelerations(state));
      reportedEvents += events.length;
      if (until - reportStart >= LIVE_REPORT_EVERY_MS) {
        logger.info(`live: ${reportedEvents} events posted since ${iso(reportStart)}`);
        reportStart = until;
        reportedEvents = 0;
      }
    }
  }

  /** Accelerations whose dossiers can still have events to come; older ones are forgotten. */
  private recentAccelerations(state: SimulatorState) {
    const horizon = state.simulatedUntil - this.stream.lookbackDays * DAY_MS;
    return state.accelerations.filter((a) => a.to === null || a.to >= horizon);
  }

  /** Batches of at most `batchSize`, a few in flight at once. */
  private async post(events: readonly IngestEvent[]): Promise<void> {
    const batches: IngestEvent[][] = [];
    for (let i = 0; i < events.length; i += this.batchSize) {
      batches.push(events.slice(i, i + this.batchSize));
    }
    let next = 0;
    const sender = async () => {
      while (next < batches.length) await this.sink.send(batches[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(REQUESTS_IN_FLIGHT, batches.length) }, sender));
  }
}

/** The state as saved: a running acceleration ends, for a restart, where posting stopped. */
function closeAccelerations(state: SimulatorState): SimulatorState {
  return {
    ...state,
    accelerations: state.accelerations.map((a) => ({ ...a, to: a.to ?? state.simulatedUntil })),
  };
}

const iso = (instant: number) => new Date(instant).toISOString();
