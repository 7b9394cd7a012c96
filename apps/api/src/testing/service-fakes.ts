/**
 * For service specs: the real services over fake repositories that hold their rows in memory,
 * and a clock that stands still. Only the read side's repositories are faked here.
 */
import {
  addCounters,
  CalendarOverride,
  Counters,
  Directory,
  DossierEvent,
  DossierRow,
  InProgressAt,
  LocalClock,
  LocalDate,
  StaffingAt,
  sumFigures,
  TimeWindow,
  zeroCounters,
} from '@ioc/domain';
import { groupFigures } from '@ioc/domain/testing';
import { SMALL_PROVINCE } from '@ioc/domain/testing';
import { AccessPolicy } from '../auth/access-policy';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { AppConfig } from '../config/app-config';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import {
  DossierListCriteria,
  InProgressDetail,
  DossierStatusRepository,
  OpenByFieldRow,
} from '../metrics/dossier-status.repository';
import { FormFlowRow, MetricsRepository } from '../metrics/metrics.repository';
import { MetricsService } from '../metrics/metrics.service';
import { Scopes } from '../metrics/scopes';
import { Slice } from '../metrics/slice';
import { ProjectionRepository } from '../projection/projection.repository';
import { ProjectionService } from '../projection/projection.service';

/** A fake has a repository's methods, not its connection: the cast says so once, here. */
type Fake<T> = { [K in keyof T]: T[K] };
const asReal = <T>(fake: Fake<T>) => fake as unknown as T;

export class FixedClock extends Clock {
  constructor(private readonly instant: number) {
    super();
  }

  override now(): number {
    return this.instant;
  }
}

/** The operators' calendar overrides, kept in memory as the table keeps them. */
export class FakeCalendarRepository implements Fake<CalendarRepository> {
  readonly byDay = new Map<LocalDate, CalendarOverride>();

  async overrides() {
    return [...this.byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  async setOverrides(overrides: readonly CalendarOverride[]) {
    for (const override of overrides) this.byDay.set(override.date, override);
  }

  async removeOverride(date: LocalDate) {
    return this.byDay.delete(date);
  }
}

/** The real calendar service, started, over overrides kept in memory. */
export async function calendarService(
  repository = new FakeCalendarRepository(),
  config = new AppConfig({}),
): Promise<CalendarService> {
  const service = new CalendarService(asReal<CalendarRepository>(repository), config);
  await service.onModuleInit();
  return service;
}

/** The real directory service, loaded with a directory held in memory. */
export async function directoryService(directory: Directory): Promise<DirectoryService> {
  const repository: Pick<DirectoryRepository, 'load' | 'isEmpty'> = {
    load: async () => directory,
    isEmpty: async () => directory.units.length === 0,
  };
  const service = new DirectoryService(repository as DirectoryRepository);
  await service.reload();
  return service;
}

/**
 * What the derived tables hold for the dossiers of one agency (of one unit) over one window:
 * each read of the fakes answers from the parts given, for the window or instant asked.
 */
export interface FakeFigures {
  unitCode: string;
  agencyCode: string;
  window: TimeWindow;
  counters?: Partial<Counters>;
  /** Received in the window with a fee, first paid at or after its end. */
  paidAfterWindow?: number;
  /** At the window's end. */
  inProgress?: Partial<InProgressAt>;
  /** At the window's end. */
  staffing?: StaffingAt;
  /** In progress at the window's start. */
  carriedOver?: number;
}

const sameWindow = (a: TimeWindow, b: TimeWindow) => a.from === b.from && a.to === b.to;

/** The group of a row in the slice, as `sliceSql` keys it ('' when ungrouped), if it is in it. */
function groupIn(slice: Slice, row: { unitCode: string; agencyCode: string }): string | undefined {
  const codes = slice.by === 'unit' ? slice.units : slice.agencies;
  const code = slice.by === 'unit' ? row.unitCode : row.agencyCode;
  if (codes && !codes.includes(code)) return undefined;
  return slice.grouped ? code : '';
}

function bySlice(slice: Slice, rows: readonly FakeFigures[]): Map<string, FakeFigures[]> {
  const groups = new Map<string, FakeFigures[]>();
  for (const row of rows) {
    const key = groupIn(slice, row);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** One value per group of the slice, from the rows that have the part read. */
function read<T>(
  slice: Slice,
  rows: readonly FakeFigures[],
  has: (row: FakeFigures) => boolean,
  total: (rows: FakeFigures[]) => T,
): Map<string, T> {
  const result = new Map<string, T>();
  for (const [key, group] of bySlice(slice, rows.filter(has))) result.set(key, total(group));
  return result;
}

const summed = (rows: readonly FakeFigures[]) =>
  sumFigures(
    rows.map((row) =>
      groupFigures(row.counters, { inProgress: row.inProgress, staffing: row.staffing }),
    ),
  );

/** The projection as the read side sees it: how long the oldest queued dossier has waited. */
export class FakeProjectionRepository implements Pick<
  Fake<ProjectionRepository>,
  'oldestQueuedAgeMs'
> {
  queueAgeMs = 0;

  get real(): ProjectionRepository {
    // The read side asks the projection for its freshness only.
    return this as unknown as ProjectionRepository;
  }

  async oldestQueuedAgeMs() {
    return this.queueAgeMs;
  }
}

/** Every call a fake repository was asked, in order, by method name and arguments. */
export type Calls = { method: string; args: unknown[] }[];

export class FakeMetricsRepository implements Fake<MetricsRepository> {
  readonly calls: Calls = [];
  rows: FakeFigures[] = [];
  /** The latest event derived. */
  horizon = Number.NEGATIVE_INFINITY;
  /** Counters per local day, for trends: keyed by unit and agency as the rows are. */
  days: { day: LocalDate; unitCode: string; agencyCode: string; counters: Partial<Counters> }[] =
    [];

  get real(): MetricsRepository {
    return asReal<MetricsRepository>(this);
  }

  async counters(slice: Slice, window: TimeWindow, ...rest: unknown[]) {
    this.calls.push({ method: 'counters', args: [slice, window, ...rest] });
    const rows = this.rows.filter((row) => sameWindow(row.window, window));
    return read(
      slice,
      rows,
      (row) => !!row.counters,
      (group) => summed(group).counters,
    );
  }

  async latestEventDerived() {
    this.calls.push({ method: 'latestEventDerived', args: [] });
    return this.horizon;
  }

  async daily(slice: Slice, firstDay: LocalDate, endDay: LocalDate) {
    this.calls.push({ method: 'daily', args: [slice, firstDay, endDay] });
    const byDay = new Map<string, Counters>();
    for (const row of this.days) {
      if (row.day < firstDay || row.day >= endDay || groupIn(slice, row) === undefined) continue;
      byDay.set(row.day, addCounters(byDay.get(row.day) ?? zeroCounters(), row.counters));
    }
    return byDay;
  }

  /** What `formFlowByField` answers, per window start. */
  formFlow = new Map<number, FormFlowRow[]>();

  async formFlowByField(slice: Slice, window: TimeWindow) {
    this.calls.push({ method: 'formFlowByField', args: [slice, window] });
    return this.formFlow.get(window.from) ?? [];
  }

  async paidAfterWindow(slice: Slice, window: TimeWindow) {
    this.calls.push({ method: 'paidAfterWindow', args: [slice, window] });
    const rows = this.rows.filter((row) => sameWindow(row.window, window));
    return read(
      slice,
      rows,
      (row) => row.paidAfterWindow !== undefined,
      (group) => group.reduce((total, row) => total + row.paidAfterWindow!, 0),
    );
  }

  async staffingAt(slice: Slice, instant: number) {
    this.calls.push({ method: 'staffingAt', args: [slice, instant] });
    const rows = this.rows.filter((row) => row.window.to === instant);
    return read(
      slice,
      rows,
      (row) => !!row.staffing,
      (group) => summed(group).staffing,
    );
  }
}

export class FakeDossierStatusRepository implements Fake<DossierStatusRepository> {
  readonly calls: Calls = [];
  /** The figures the fake metrics repository holds too: in progress and carried over. */
  rows: FakeFigures[] = [];
  /** What `page` answers. */
  pageRows: DossierRow[] = [];

  get real(): DossierStatusRepository {
    return asReal<DossierStatusRepository>(this);
  }

  async inProgressAt(
    slice: Slice,
    instant: number,
    clock: LocalClock,
    horizon: number,
    detail?: InProgressDetail,
  ) {
    this.calls.push({
      method: 'inProgressAt',
      args: [slice, instant, clock.zone, horizon, detail],
    });
    const rows = this.rows.filter((row) => row.window.to === instant);
    return read(
      slice,
      rows,
      (row) => !!row.inProgress,
      (group) => summed(group).inProgress,
    );
  }

  /** What `openByFieldAt` answers, per instant. */
  openByField = new Map<number, OpenByFieldRow[]>();

  async openByFieldAt(slice: Slice, instant: number) {
    this.calls.push({ method: 'openByFieldAt', args: [slice, instant] });
    return this.openByField.get(instant) ?? [];
  }

  async openCountAt(slice: Slice, instant: number, clock: LocalClock, horizon: number) {
    this.calls.push({ method: 'openCountAt', args: [slice, instant, clock.zone, horizon] });
    const rows = this.rows.filter((row) => row.window.from === instant);
    return read(
      slice,
      rows,
      (row) => row.carriedOver !== undefined,
      (group) => group.reduce((total, row) => total + row.carriedOver!, 0),
    );
  }

  async page(slice: Slice, criteria: DossierListCriteria, page: number, pageSize: number) {
    this.calls.push({ method: 'page', args: [slice, criteria, page, pageSize] });
    const rows = this.matching(criteria);
    return { total: rows.length, rows: rows.slice((page - 1) * pageSize, page * pageSize) };
  }

  async *all(slice: Slice, criteria: DossierListCriteria) {
    this.calls.push({ method: 'all', args: [slice, criteria] });
    yield* [this.matching(criteria)];
  }

  private matching({ filter }: DossierListCriteria) {
    return this.pageRows.filter((row) => filter === 'inProgress' || row.status === filter);
  }
}

/** Each dossier's events, as the log holds them, and the loads by procedure set for a test. */
export class FakeDossiersRepository implements Fake<DossiersRepository> {
  readonly events = new Map<string, DossierEvent[]>();
  loads: Awaited<ReturnType<DossiersRepository['procedureLoads']>> = [];

  async eventsOf(dossierId: string) {
    return this.events.get(dossierId) ?? [];
  }

  async procedureLoads() {
    return this.loads;
  }
}

/**
 * The read side's services as the application wires them, over the fake repositories above:
 * `figures` puts the same rows in both fake repositories.
 */
export async function readSide({
  now,
  directory = SMALL_PROVINCE,
  config = new AppConfig({}),
}: {
  now: string;
  directory?: Directory;
  config?: AppConfig;
}) {
  const metricsRepository = new FakeMetricsRepository();
  const statusRepository = new FakeDossierStatusRepository();
  const calendar = await calendarService(undefined, config);
  const directories = await directoryService(directory);
  const access = new AccessPolicy(directories);
  const clock = new FixedClock(Date.parse(now));
  const projectionRepository = new FakeProjectionRepository();
  const metrics = new MetricsService(
    metricsRepository.real,
    statusRepository.real,
    calendar,
    new ProjectionService(projectionRepository.real, clock),
    clock,
    config,
  );
  return {
    metricsRepository,
    statusRepository,
    projectionRepository,
    calendar,
    directory: directories,
    access,
    scopes: new Scopes(access, directories),
    metrics,
    config,
    figures(rows: FakeFigures[]) {
      metricsRepository.rows = rows;
      statusRepository.rows = rows;
    },
  };
}
