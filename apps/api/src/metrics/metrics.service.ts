import {
  addDays,
  COUNTERS,
  DailySeries,
  MAX_WINDOW_DAYS,
  MetricsSummary,
  Rate,
  ratesOf,
  scoreOf,
  WindowFigures,
  windowBounds,
  WindowName,
  zeroCounters,
} from '@ioc/domain';
import { BadRequestException, Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { DOSSIER_STATES, DossierStatusRepository, InProgressAt } from './dossier-status.repository';
import { MetricsRepository, StaffingAt, Window } from './metrics.repository';
import { Slice } from './slice';

export interface GroupFigures extends WindowFigures {
  inProgress: InProgressAt;
  staffing: StaffingAt;
}

/**
 * Figures of every unit and of every agency over one window. Every figure is a count, a sum or
 * (the oldest overdue) a maximum, so any scope's figures are sums of these: the live stream
 * reads them once per window and tick, whatever the number of rooms.
 */
export interface ProvinceFigures {
  window: Window;
  byUnit: Map<string, GroupFigures>;
  byAgency: Map<string, GroupFigures>;
  carriedOverByUnit: Map<string, number>;
}

const DAY_MS = 86_400_000;
const noInProgress = (): InProgressAt => ({
  total: 0,
  overdue: 0,
  dueSoon: 0,
  paused: 0,
  oldestOverdueDays: 0,
});
const noStaffing = (): StaffingAt => ({ quota: 0, headcount: 0, onDuty: 0 });

/** Every metric of SPEC §4 for any slice and window, from the derived tables. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly statuses: DossierStatusRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** `from`/`to` as given (ISO-8601), or a named window, or since local midnight until now. */
  resolveWindow(query: { from?: string; to?: string; window?: WindowName }): Window {
    const now = this.clock.now();
    if (query.window && !query.from && !query.to)
      return windowBounds(query.window, now, this.calendar.clock);
    const to = query.to ? parseInstant('to', query.to) : now;
    const from = query.from
      ? parseInstant('from', query.from)
      : this.calendar.clock.startOfDay(this.calendar.clock.dateOf(to));
    if (from > to) throw new BadRequestException('from: must not be after to');
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
      throw new BadRequestException(`The window is longer than ${MAX_WINDOW_DAYS} days`);
    }
    return { from, to };
  }

  /** An instant given as ISO-8601 with offset, or now. */
  instant(value: string | undefined): number {
    return value ? parseInstant('to', value) : this.clock.now();
  }

  /**
   * Figures per group of the slice; groups with no data at all are absent. With `score` detail,
   * only what a score needs is read (a ranking's previous window): staffing and, at a past
   * instant, the paused and due-soon counts stay at zero.
   */
  async figures(
    slice: Slice,
    window: Window,
    detail: 'full' | 'score' = 'full',
  ): Promise<Map<string, GroupFigures>> {
    const { clock } = this.calendar;
    const full = detail === 'full';
    const horizon = await this.repository.latestEventDerived();
    const [counters, paidAfter, inProgress, staffing] = await Promise.all([
      this.repository.counters(slice, window, clock, horizon),
      this.repository.paidAfterWindow(slice, window),
      this.statuses.inProgressAt(
        slice,
        window.to,
        clock.zone,
        horizon,
        full ? DOSSIER_STATES : ['overdue'],
      ),
      full ? this.repository.staffingAt(slice, window.to) : new Map<string, StaffingAt>(),
    ]);
    const keys = new Set([...counters.keys(), ...inProgress.keys(), ...staffing.keys()]);
    const result = new Map<string, GroupFigures>();
    for (const key of keys) {
      const groupCounters = counters.get(key) ?? zeroCounters();
      result.set(key, {
        counters: groupCounters,
        feeDossiersPaidByTo: groupCounters.fee_dossiers_paid - (paidAfter.get(key) ?? 0),
        inProgress: inProgress.get(key) ?? noInProgress(),
        staffing: staffing.get(key) ?? noStaffing(),
      });
    }
    return result;
  }

  /** Dossiers in progress at the start of the window (a summary's, not a ranking's, figure). */
  async carriedOver(slice: Slice, window: Window): Promise<Map<string, number>> {
    const horizon = await this.repository.latestEventDerived();
    return this.statuses.openCountAt(slice, window.from, horizon);
  }

  async provinceFigures(window: Window): Promise<ProvinceFigures> {
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
      series.push({
        date: day,
        received: c.received,
        resolved: c.resolved,
        resolvedOnTime: c.resolved_on_time,
        paymentsSucceeded: c.payments_succeeded,
        paymentsAmountVnd: c.payments_amount_vnd,
      });
    }
    return {
      scope,
      from: new Date(clock.startOfDay(firstDay)).toISOString(),
      to: new Date(clock.startOfDay(endDay)).toISOString(),
      days: series,
    };
  }

  async summary(
    slice: Slice,
    scope: string,
    agency: string | null,
    window: Window,
  ): Promise<MetricsSummary> {
    const [figures, carriedOver] = await Promise.all([
      this.figures(slice, window),
      this.carriedOver(slice, window),
    ]);
    return this.summaryOf(
      figures.get('') ?? emptyFigures(),
      carriedOver.get('') ?? 0,
      scope,
      agency,
      window,
    );
  }

  summaryOf(
    figures: GroupFigures,
    carriedOver: number,
    scope: string,
    agency: string | null,
    window: Window,
  ): MetricsSummary {
    const { counters: c, inProgress, staffing } = figures;
    const rates = ratesOf(figures);
    const { targets } = this.config.metricSettings;
    const target = (goal: number, actual: Rate) => ({
      target: goal,
      actual,
      met: actual === null ? null : actual >= goal,
    });
    return {
      scope,
      agency,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      asOf: new Date(this.clock.now()).toISOString(),
      received: {
        total: c.received,
        online: c.received_online,
        direct: c.received_direct,
        postal: c.received_postal,
      },
      carriedOver,
      resolved: {
        total: c.resolved,
        onTime: c.resolved_on_time,
        early: c.resolved_early,
        late: c.resolved_late,
      },
      inProgress: {
        total: inProgress.total,
        overdue: inProgress.overdue,
        dueSoon: inProgress.dueSoon,
        paused: inProgress.paused,
      },
      rates,
      payments: {
        succeeded: c.payments_succeeded,
        amountVnd: c.payments_amount_vnd,
        failed: c.payments_failed,
      },
      ratings: { total: c.ratings, satisfied: c.ratings_satisfied },
      staffing: {
        quota: staffing.quota,
        headcount: staffing.headcount,
        vacancies: staffing.quota - staffing.headcount,
        onDuty: staffing.onDuty,
        inProgressPerOnDuty: staffing.onDuty === 0 ? null : inProgress.total / staffing.onDuty,
      },
      score: scoreOf(rates, this.config.metricSettings),
      targets: {
        onTime: target(targets.onTime, rates.onTime),
        satisfaction: target(targets.satisfaction, rates.satisfaction),
        online: target(targets.online, rates.online),
        apology: target(targets.apology, rates.apology),
      },
    };
  }
}

/** The figures of several groups together. */
export function sumFigures(groups: Iterable<GroupFigures | undefined>): GroupFigures {
  const total = emptyFigures();
  for (const group of groups) {
    if (!group) continue;
    for (const name of COUNTERS) total.counters[name] += group.counters[name];
    total.feeDossiersPaidByTo += group.feeDossiersPaidByTo;
    const { inProgress, staffing } = group;
    total.inProgress.total += inProgress.total;
    total.inProgress.overdue += inProgress.overdue;
    total.inProgress.dueSoon += inProgress.dueSoon;
    total.inProgress.paused += inProgress.paused;
    total.inProgress.oldestOverdueDays = Math.max(
      total.inProgress.oldestOverdueDays,
      inProgress.oldestOverdueDays,
    );
    total.staffing.quota += staffing.quota;
    total.staffing.headcount += staffing.headcount;
    total.staffing.onDuty += staffing.onDuty;
  }
  return total;
}

export function emptyFigures(): GroupFigures {
  return {
    counters: zeroCounters(),
    feeDossiersPaidByTo: 0,
    inProgress: noInProgress(),
    staffing: noStaffing(),
  };
}

function parseInstant(name: string, value: string): number {
  // An offset is required: a bare local time would be ambiguous between zones.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new BadRequestException(
      `${name}: must be an ISO-8601 date-time with offset, e.g. 2026-11-21T00:00:00+07:00`,
    );
  }
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new BadRequestException(`${name}: not a valid date-time`);
  return instant;
}
