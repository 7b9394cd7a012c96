import type { InProgressFigures, LateAgencyRow, Rate, Rates, Severity } from '../contracts/api';
import type { Counters } from './counters';
import { MetricSettings, SCORE_COMPONENTS, ScoreComponent } from './metric-settings';

/** What the storage answers for one scope and window; every metric is computed from it. */
export interface WindowFigures {
  counters: Counters;
  /** Dossiers received in the window with a fee and a succeeded payment before `to`. */
  feeDossiersPaidByTo: number;
  inProgress: InProgressFigures;
}

/** A zero denominator is "no data", never 0 % or 100 %. */
export function rate(numerator: number, denominator: number): Rate {
  return denominator === 0 ? null : numerator / denominator;
}

export function ratesOf({ counters: c, feeDossiersPaidByTo, inProgress }: WindowFigures): Rates {
  return {
    onTime: rate(c.resolved_on_time, c.resolved),
    progress: rate(
      c.resolved_on_time + inProgress.total - inProgress.overdue,
      c.resolved + inProgress.total,
    ),
    online: rate(c.received_online, c.received),
    digitization: rate(c.digitization_full, c.digitization_base),
    resultDigitization: rate(c.resolved_result_digitized, c.resolved),
    onlinePayment: rate(feeDossiersPaidByTo, c.fee_dossiers),
    satisfaction: rate(c.ratings_satisfied, c.ratings),
    apology: rate(c.resolved_late_apologized, c.resolved_late),
  };
}

const SCORE_RATE: Record<ScoreComponent, keyof Rates> = {
  progress: 'progress',
  online: 'online',
  onlinePayment: 'onlinePayment',
  digitization: 'digitization',
  satisfaction: 'satisfaction',
};

/**
 * Score out of 100: 100 × Σ wᵢ·min(1, rateᵢ / fullᵢ) / Σ wᵢ over the components that have data,
 * rounded to two decimals (what the screens show is what ranks). Null when no component has data.
 */
export function scoreOf(rates: Rates, settings: MetricSettings): number | null {
  let earned = 0;
  let weights = 0;
  for (const component of SCORE_COMPONENTS) {
    const value = rates[SCORE_RATE[component]];
    if (value === null) continue;
    const { weight, fullAt } = settings.score[component];
    earned += weight * Math.min(1, value / fullAt);
    weights += weight;
  }
  return weights === 0 ? null : Math.round((10_000 * earned) / weights) / 100;
}

export interface Rankable {
  code: string;
  name: string;
  score: number | null;
  /** Too few dossiers received for the score to mean much: ranked after every other row. */
  lowSample: boolean;
  rates: Pick<Rates, 'onTime'>;
}

const collator = new Intl.Collator('vi');
const descendingNullsLast = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a;

/**
 * Rank by score, then on-time rate, then name; rank 1 is the best. Low-sample rows come after
 * all the others, in the same order among themselves: a handful of dossiers never tops a table.
 */
export function rankOrder(a: Rankable, b: Rankable): number {
  return (
    Number(a.lowSample) - Number(b.lowSample) ||
    descendingNullsLast(a.score, b.score) ||
    descendingNullsLast(a.rates.onTime, b.rates.onTime) ||
    collator.compare(a.name, b.name) ||
    a.code.localeCompare(b.code)
  );
}

export function assignRanks<T extends Rankable>(rows: readonly T[]): (T & { rank: number })[] {
  return [...rows].sort(rankOrder).map((row, index) => ({ ...row, rank: index + 1 }));
}

export function isLateAgency(
  overdue: number,
  onTimeRate: Rate,
  resolved: number,
  { lateAgency }: MetricSettings,
): boolean {
  if (overdue > 0) return true;
  return (
    resolved >= lateAgency.minResolved &&
    onTimeRate !== null &&
    onTimeRate < lateAgency.onTimeTarget
  );
}

export function lateAgencySeverity(
  overdue: number,
  oldestOverdueDays: number,
  { lateAgency }: MetricSettings,
): Severity {
  return overdue >= lateAgency.criticalOverdue || oldestOverdueDays >= lateAgency.criticalOldestDays
    ? 'critical'
    : 'warning';
}

/** Worst first: severity, then overdue count, then the oldest overdue dossier. */
export function lateAgencyOrder(a: LateAgencyRow, b: LateAgencyRow): number {
  const severityRank = (s: Severity) => (s === 'critical' ? 0 : 1);
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    b.overdue - a.overdue ||
    b.oldestOverdueDays - a.oldestOverdueDays ||
    a.agencyCode.localeCompare(b.agencyCode)
  );
}
