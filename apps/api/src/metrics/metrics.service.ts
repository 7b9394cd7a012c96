import {
  addDays,
  addFormCounts,
  FormCounts,
  LocalDate,
  zeroFormCounts,
  DailySeries,
  emptyFigures,
  GroupFigures,
  MetricsSummary,
  parseInstant,
  resolveWindow,
  StaffingAt,
  summaryOf,
  TimeWindow,
  WindowQuery,
  WindowQueryError,
  zeroCounters,
} from '@ioc/domain';
import { BadRequestException, Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { ProjectionService } from '../projection/projection.service';
import { DossierStatusRepository, InProgressDetail } from './dossier-status.repository';
import { MetricsRepository } from './metrics.repository';
import { Slice } from './slice';

/**
 * Figures of every unit and of every agency over one window. Every figure is a count, a sum or
 * (the oldest overdue) a maximum, so any scope's figures are sums of these: the live stream
 * reads them once per window and tick, whatever the number of rooms.
 */
export interface ProvinceFigures {
  window: TimeWindow;
  byUnit: Map<string, GroupFigures>;
  byAgency: Map<string, GroupFigures>;
  carriedOverByUnit: Map<string, number>;
}

/** Every metric of SPEC §4 for any slice and window, from the derived tables. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly statuses: DossierStatusRepository,
    private readonly calendar: CalendarService,
    private readonly projection: ProjectionService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** `from`/`to` as given (ISO-8601), or a named window, or since local midnight until now. */
  resolveWindow(query: WindowQuery): TimeWindow {
    return badRequestIfInvalid(() => resolveWindow(query, this.clock.now(), this.calendar.clock));
  }

  /** The latest event instant derived: the figures of any later instant read the open dossiers. */
  latestEventDerived(): Promise<number> {
    return this.repository.latestEventDerived();
  }

  /** An instant given as ISO-8601 with offset, or now. */
  instant(value: string | undefined): number {
    return value ? badRequestIfInvalid(() => parseInstant('to', value)) : this.clock.now();
  }

  /**
   * Figures per group of the slice; groups with no data at all are absent. With `score` detail,
   * only what a score needs is read (a ranking's previous window): staffing and, at a past
   * instant, the paused and due-soon counts and the oldest overdue stay at zero.
   */
  async figures(
    slice: Slice,
    window: TimeWindow,
    detail: InProgressDetail = 'full',
  ): Promise<Map<string, GroupFigures>> {
    const { clock } = this.calendar;
    const full = detail === 'full';
    const horizon = await this.repository.latestEventDerived();
    const [counters, paidAfter, inProgress, staffing] = await Promise.all([
      this.repository.counters(slice, window, clock, horizon),
      this.repository.paidAfterWindow(slice, window),
      this.statuses.inProgressAt(slice, window.to, clock, horizon, detail),
      full ? this.repository.staffingAt(slice, window.to) : new Map<string, StaffingAt>(),
    ]);
    const keys = new Set([...counters.keys(), ...inProgress.keys(), ...staffing.keys()]);
    const result = new Map<string, GroupFigures>();
    for (const key of keys) {
      const groupCounters = counters.get(key) ?? zeroCounters();
      result.set(key, {
        counters: groupCounters,
        feeDossiersPaidByTo: groupCounters.fee_dossiers_paid - (paidAfter.get(key) ?? 0),
        inProgress: inProgress.get(key) ?? emptyFigures().inProgress,
        staffing: staffing.get(key) ?? emptyFigures().staffing,
      });
    }
    return result;
  }

  /** Dossiers in progress at the start of the window (a summary's, not a ranking's, figure). */
  async carriedOver(slice: Slice, window: TimeWindow): Promise<Map<string, number>> {
    const horizon = await this.repository.latestEventDerived();
    return this.statuses.openCountAt(slice, window.from, this.calendar.clock, horizon);
  }

  async provinceFigures(window: TimeWindow): Promise<ProvinceFigures> {
    const byUnitSlice: Slice = { by: 'unit', grouped: true };
    const [byUnit, byAgency, carriedOverByUnit] = await Promise.all([
      this.figures(byUnitSlice, window),
      this.figures({ by: 'agency', grouped: true }, window),
      this.carriedOver(byUnitSlice, window),
    ]);
    return { window, byUnit, byAgency, carriedOverByUnit };
  }

  /** The last `days` local days up to today, for trend charts. */
  async daily(slice: Slice, scope: string, days: number): Promise<DailySeries> {
    const clock = this.calendar.clock;
    const endDay = addDays(clock.dateOf(this.clock.now()), 1);
    const firstDay = addDays(endDay, -days);
    const byDay = await this.repository.daily(slice, firstDay, endDay);
    const series: DailySeries['days'] = [];
    for (let day = firstDay; day < endDay; day = addDays(day, 1)) {
      const c = byDay.get(day) ?? zeroCounters();
      const calendarDay = this.calendar.current.describe(day);
      series.push({
        date: day,
        received: c.received,
        resolved: c.resolved,
        resolvedOnTime: c.resolved_on_time,
        paymentsSucceeded: c.payments_succeeded,
        paymentsAmountVnd: c.payments_amount_vnd,
        dayOff: calendarDay.working ? null : calendarDay.reason,
      });
    }
    return {
      scope,
      from: new Date(clock.startOfDay(firstDay)).toISOString(),
      to: new Date(clock.startOfDay(endDay)).toISOString(),
      days: series,
    };
  }

  /** Flow counters per local day of `[firstDay, endDay)`, from the day rollups. */
  countersByDay(slice: Slice, firstDay: LocalDate, endDay: LocalDate) {
    return this.repository.daily(slice, firstDay, endDay);
  }

  /** The national form's counts (FormCounts) of the window, per unit and then per field. */
  async formCounts(
    slice: Slice,
    window: TimeWindow,
  ): Promise<Map<string, Map<string, FormCounts>>> {
    const [flow, atFrom, atTo] = await Promise.all([
      this.repository.formFlowByField(slice, window),
      this.statuses.openByFieldAt(slice, window.from),
      this.statuses.openByFieldAt(slice, window.to),
    ]);
    const byUnit = new Map<string, Map<string, FormCounts>>();
    const add = (unit: string, field: string, counts: Partial<FormCounts>) => {
      let byField = byUnit.get(unit);
      if (!byField) byUnit.set(unit, (byField = new Map<string, FormCounts>()));
      byField.set(field, addFormCounts(byField.get(field) ?? zeroFormCounts(), counts));
    };
    for (const { unit, field, ...counts } of flow) add(unit, field, counts);
    for (const { unit, field, open } of atFrom) add(unit, field, { carriedOver: open });
    for (const { unit, field, open, overdue } of atTo) {
      add(unit, field, { inProgress: open, overdue });
    }
    return byUnit;
  }

  async summary(
    slice: Slice,
    scope: string,
    agency: string | null,
    window: TimeWindow,
  ): Promise<MetricsSummary> {
    // Read before the figures: they then hold at least every event stored before `asOf`.
    const freshness = await this.projection.freshness();
    const [figures, carriedOver] = await Promise.all([
      this.figures(slice, window),
      this.carriedOver(slice, window),
    ]);
    return summaryOf(
      figures.get('') ?? emptyFigures(),
      carriedOver.get('') ?? 0,
      { scope, agency, window, ...freshness },
      this.config.metricSettings,
    );
  }
}

/** A window or instant that cannot be read is the caller's mistake: a 400 that says why. */
function badRequestIfInvalid<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WindowQueryError) throw new BadRequestException(error.message);
    throw error;
  }
}
