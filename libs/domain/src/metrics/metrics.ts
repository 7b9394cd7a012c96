import type {
  InProgressFigures,
  LateAgencyRow,
  Rate,
  Rates,
  ScoreComponents,
  Severity,
} from '../contracts/api';
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
  return scoreBreakdownOf(rates, settings).score;
}

/**
 * The score and what each component with data brings to it: its rate, weight and full marks, and
 * its points, 100 × wᵢ·min(1, rateᵢ / fullᵢ) / Σ wᵢ, in hundredths. The score is rounded to
 * hundredths, so the points are apportioned by largest remainder (ties to the earlier component)
 * to add up to exactly the score: 18.52 + 22.22 + 38.20 = 78.94, where each rounded on its
 * own would give 18.52 + 22.22 + 38.19.
 */
export function scoreBreakdownOf(
  rates: Rates,
  settings: MetricSettings,
): { score: number | null; components: ScoreComponents } {
  const parts = SCORE_COMPONENTS.flatMap((component) => {
    const value = rates[SCORE_RATE[component]];
    if (value === null) return [];
    const { weight, fullAt } = settings.score[component];
    return [
      { component, rate: value, weight, fullAt, earned: weight * Math.min(1, value / fullAt) },
    ];
  });
  const weights = sum(parts.map((part) => part.weight));
  if (weights === 0) return { score: null, components: {} };
  const hundredths = Math.round((10_000 * sum(parts.map((part) => part.earned))) / weights);
  const exact = parts.map((part) => (10_000 * part.earned) / weights);
  // A hair of tolerance: 4074.0000000001 is 4074 with nothing over. The shares then never
  // exceed the score, and fall short by less than one hundredth per component.
  const shares = exact.map((value) => Math.floor(value + 1e-9));
  const largestRemainders = exact
    .map((value, index) => ({ index, remainder: value - shares[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of largestRemainders.slice(0, hundredths - sum(shares))) shares[index]++;
  const components: ScoreComponents = {};
  parts.forEach(({ component, rate, weight, fullAt }, index) => {
    components[component] = { rate, points: shares[index] / 100, weight, fullAt };
  });
  return { score: hundredths / 100, components };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

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
