import type { InProgressFigures, MetricsSummary, Rate, TargetStatus } from '../contracts/api';
import { COUNTERS, zeroCounters } from './counters';
import type { MetricSettings } from './metric-settings';
import { ratesOf, scoreOf, WindowFigures } from './metrics';
import type { TimeWindow } from './windows';

export interface InProgressAt extends InProgressFigures {
  /** Local days from the oldest overdue dossier's due day to the day of the instant. */
  oldestOverdueDays: number;
}

/** Sums of the latest staffing reports (biên chế: quota; headcount; officials at the desks now). */
export interface StaffingAt {
  quota: number;
  headcount: number;
  onDuty: number;
}

/**
 * Everything one group (a unit, an agency, or a whole slice) holds over a window. Every figure
 * is a count, a sum or (the oldest overdue) a maximum, so any scope's figures are sums of its
 * groups': the live stream reads them once per window, whatever the number of rooms.
 */
export interface GroupFigures extends WindowFigures {
  inProgress: InProgressAt;
  staffing: StaffingAt;
}

export function emptyFigures(): GroupFigures {
  return {
    counters: zeroCounters(),
    feeDossiersPaidByTo: 0,
    inProgress: { total: 0, overdue: 0, dueSoon: 0, paused: 0, oldestOverdueDays: 0 },
    staffing: { quota: 0, headcount: 0, onDuty: 0 },
  };
}

/** The figures of several groups together; absent groups count as empty. */
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

/** What a summary is of: its scope, the window and the instant its figures are true to. */
export interface SummaryOf {
  scope: string;
  agency: string | null;
  window: TimeWindow;
  /** The instant the figures are true to (every event stored before it is derived)... */
  asOf: number;
  /** ...and when they were read: the two differ while the figures lag behind the events. */
  computedAt: number;
}

const iso = (instant: number) => new Date(instant).toISOString();

/** Every metric of SPEC §4 for one scope and window, from its figures and its carried-over count. */
export function summaryOf(
  figures: GroupFigures,
  carriedOver: number,
  { scope, agency, window, asOf, computedAt }: SummaryOf,
  settings: MetricSettings,
): MetricsSummary {
  const { counters: c, inProgress, staffing } = figures;
  const rates = ratesOf(figures);
  const target = (goal: number, actual: Rate): TargetStatus => ({
    target: goal,
    actual,
    met: actual === null ? null : actual >= goal,
  });
  return {
    scope,
    agency,
    from: iso(window.from),
    to: iso(window.to),
    asOf: iso(asOf),
    computedAt: iso(computedAt),
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
    score: scoreOf(rates, settings),
    targets: {
      onTime: target(settings.targets.onTime, rates.onTime),
      satisfaction: target(settings.targets.satisfaction, rates.satisfaction),
      online: target(settings.targets.online, rates.online),
      apology: target(settings.targets.apology, rates.apology),
    },
  };
}
