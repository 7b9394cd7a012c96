import { addDays, Directory, IngestEvent, LocalDate, WorkingCalendar } from '@ioc/domain';
import {
  expectedDossiers,
  LIFECYCLE_EXTRA_WORKING_DAYS,
  simulateDossier,
  SimulationContext,
  TimedEvent,
} from './dossier-lifecycle';
import { InstantFormat } from './instant-format';
import { ProvinceModel } from './province-model';
import { Random } from './random';
import { staffingReports } from './staffing';
import { WorkingDayIndex } from './working-day-index';

/** A stretch of live time during which dossiers came in `speed` times as often. */
export interface Acceleration {
  from: number;
  /** Null while it lasts. */
  to: number | null;
  speed: number;
}

export interface StreamOptions {
  seed: number;
  /** Share of the province's real volume; ratios do not depend on it. */
  scale: number;
  directory: Directory;
  /** People in the province; the seed province's when not given. */
  population?: number;
  calendar: WorkingCalendar;
  /** The instant the simulated province starts: nothing is received before it. */
  genesis: number;
  accelerations?: readonly Acceleration[];
}

// Day-to-day swing of the volume around its expectation.
const DAILY_VOLUME_SPREAD = 0.08;
// Calendar days for a run of working days: whole weeks, plus room for the holidays inside it
// (Tết alone closes the offices for up to 9 days).
const CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5;
const HOLIDAY_ALLOWANCE_DAYS = 14;

interface DayOfEvents {
  /** Instants of `events`, ascending, for slicing by binary search. */
  times: Float64Array;
  events: IngestEvent[];
  /** The events before this instant have been let go (see `eventsOf`). */
  keptFrom: number;
}

/**
 * The simulated event stream of a province: a pure function of the directory, the population,
 * the calendar, the seed, the scale, the genesis instant and the accelerations. Each local day's dossiers are drawn from their own streams with
 * their whole life decided at receipt, so the events of any slice of time are found by
 * regenerating the days that can have events in it (the last `lookbackDays`), kept in a small
 * cache because consecutive slices need nearly the same days.
 */
export class SimulatedStream {
  /** Days a dossier's life can span: the slice [a, b) needs the days from a − lookbackDays. */
  readonly lookbackDays: number;
  readonly model: ProvinceModel;
  private readonly context: SimulationContext;
  private readonly genesisDay: LocalDate;
  private readonly accelerations: readonly Acceleration[];
  private readonly cache = new Map<LocalDate, DayOfEvents>();
  private readonly cacheLimit: number;

  constructor(private readonly options: StreamOptions) {
    const { seed, directory, population, calendar } = options;
    this.model = new ProvinceModel(directory, seed, population);
    this.context = {
      seed,
      model: this.model,
      calendar,
      workingDays: new WorkingDayIndex(calendar),
      format: new InstantFormat(calendar.clock.zone),
    };
    const longestLifeInWorkingDays =
      this.model.longestProcessingDays + LIFECYCLE_EXTRA_WORKING_DAYS;
    this.lookbackDays =
      Math.ceil(longestLifeInWorkingDays * CALENDAR_DAYS_PER_WORKING_DAY) + HOLIDAY_ALLOWANCE_DAYS;
    this.genesisDay = calendar.clock.dateOf(options.genesis);
    this.accelerations = options.accelerations ?? [];
    this.cacheLimit = this.lookbackDays + 8;
  }

  /** Every event with `from ≤ occurredAt < to`, in order of occurrence. */
  eventsBetween(from: number, to: number): IngestEvent[] {
    if (to <= from) return [];
    const { clock } = this.options.calendar;
    const lookbackStart = addDays(clock.dateOf(from), -this.lookbackDays);
    const firstDay = lookbackStart > this.genesisDay ? lookbackStart : this.genesisDay;
    const lastDay = clock.dateOf(to - 1);
    const found: TimedEvent<IngestEvent>[] = [];
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      const { times, events } = this.eventsOf(day, from);
      for (let i = 0; i < times.length && times[i] < to; i++) {
        found.push({ at: times[i], event: events[i] });
      }
    }
    return found.sort(byOccurrence).map(({ event }) => event);
  }

  /**
   * A day's events from `from` on. Slices mostly move forward in time, so what lies before
   * `from` is let go to keep the cache small; a slice that reaches further back regenerates.
   */
  private eventsOf(day: LocalDate, from: number): DayOfEvents {
    let cached = this.cache.get(day);
    // Most recently used last: the oldest day is the first to go.
    this.cache.delete(day);
    if (!cached || cached.keptFrom > from) {
      cached = this.generateDay(day);
      if (this.cache.size >= this.cacheLimit) this.cache.delete(this.cache.keys().next().value!);
    }
    const first = firstAtOrAfter(cached.times, from);
    const kept =
      first === 0
        ? cached
        : {
            times: cached.times.subarray(first),
            events: cached.events.slice(first),
            keptFrom: from,
          };
    this.cache.set(day, kept);
    return kept;
  }

  /** The events of every dossier received on `day`, and the day's staffing reports. */
  private generateDay(day: LocalDate): DayOfEvents {
    const { seed, calendar, genesis, directory } = this.options;
    const generated: TimedEvent<IngestEvent>[] = [];
    if (day >= this.genesisDay) {
      const format = this.context.format;
      for (const report of staffingReports(seed, directory.agencies, day, calendar, format)) {
        if (report.at >= genesis) generated.push(report);
      }
      const dossiersAt = this.dossierCounts(day);
      const exists = (index: number) => (receivedAt: number) =>
        receivedAt >= genesis &&
        (index < dossiersAt(1) || this.accelerated(index, receivedAt, dossiersAt));
      const mostAtOnce = dossiersAt(this.fastestSpeedOn(day));
      for (let index = 0; index < mostAtOnce; index++) {
        const events = simulateDossier(this.context, day, index, exists(index));
        if (events) generated.push(...events);
      }
    }
    generated.sort(byOccurrence);
    return {
      times: Float64Array.from(generated, ({ at }) => at),
      events: generated.map(({ event }) => event),
      keptFrom: -Infinity,
    };
  }

  /**
   * How many dossiers the day receives at a speed: drawn from the day's own stream before the
   * scale applies, so that a larger scale or speed only adds dossiers after the same first ones.
   */
  private dossierCounts(day: LocalDate): (speed: number) => number {
    const random = new Random(this.options.seed, 'day', day);
    const swing = Math.max(0.3, 1 + DAILY_VOLUME_SPREAD * random.normal());
    const expected = expectedDossiers(this.context, day) * swing * this.options.scale;
    const rounding = random.next();
    return (speed) => Math.floor(expected * speed + rounding);
  }

  /** Dossier `index` beyond the day's ordinary count exists if it came in while accelerated. */
  private accelerated(index: number, receivedAt: number, dossiersAt: (speed: number) => number) {
    return this.accelerations.some(
      (a) =>
        a.from <= receivedAt && (a.to === null || receivedAt < a.to) && index < dossiersAt(a.speed),
    );
  }

  private fastestSpeedOn(day: LocalDate): number {
    const { clock } = this.options.calendar;
    const start = clock.startOfDay(day);
    const end = clock.startOfDay(addDays(day, 1));
    return Math.max(
      1,
      ...this.accelerations
        .filter((a) => a.from < end && (a.to === null || a.to > start))
        .map((a) => a.speed),
    );
  }
}

function byOccurrence(a: TimedEvent<IngestEvent>, b: TimedEvent<IngestEvent>): number {
  return (
    a.at - b.at ||
    (a.event.eventId < b.event.eventId ? -1 : a.event.eventId > b.event.eventId ? 1 : 0)
  );
}

function firstAtOrAfter(times: Float64Array, instant: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}
