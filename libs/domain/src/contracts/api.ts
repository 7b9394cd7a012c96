/** Response shapes of the read API (SPEC §5); field names are the contract. */
import type { ScoreComponent } from '../metrics/metric-settings';

/** A rate from 0 to 1, or null for "no data" (zero denominator). */
export type Rate = number | null;

export interface Rates {
  onTime: Rate;
  progress: Rate;
  online: Rate;
  digitization: Rate;
  resultDigitization: Rate;
  onlinePayment: Rate;
  satisfaction: Rate;
  apology: Rate;
}

export interface InProgressFigures {
  total: number;
  overdue: number;
  dueSoon: number;
  paused: number;
}

export interface StaffingFigures {
  quota: number;
  headcount: number;
  vacancies: number;
  onDuty: number;
  inProgressPerOnDuty: number | null;
}

export interface TargetStatus {
  target: number;
  actual: Rate;
  met: boolean | null;
}

export interface MetricsSummary {
  scope: string;
  agency: string | null;
  from: string;
  to: string;
  /** The instant the figures are true to: every event stored before it is in them. */
  asOf: string;
  /** When they were computed; later than `asOf` while the figures lag behind the events. */
  computedAt: string;
  received: { total: number; online: number; direct: number; postal: number };
  carriedOver: number;
  resolved: { total: number; onTime: number; early: number; late: number };
  inProgress: InProgressFigures;
  rates: Rates;
  payments: { succeeded: number; amountVnd: number; failed: number };
  ratings: { total: number; satisfied: number };
  staffing: StaffingFigures;
  score: number | null;
  targets: {
    onTime: TargetStatus;
    satisfaction: TargetStatus;
    online: TargetStatus;
    apology: TargetStatus;
  };
}

export type RankingLevel = 'district' | 'commune' | 'agency';

/** What one score component brings to a score: `points` of the row's score, from its rate. */
export interface ScoreComponentPoints {
  rate: number;
  points: number;
  weight: number;
  fullAt: number;
}

/** The components with data; the points of a row add up to its score. */
export type ScoreComponents = Partial<Record<ScoreComponent, ScoreComponentPoints>>;

export interface RankingRow {
  rank: number;
  previousRank: number | null;
  /** The score in the window of the same length just before: the movement in points. */
  previousScore: number | null;
  code: string;
  name: string;
  score: number | null;
  lowSample: boolean;
  received: number;
  resolved: number;
  inProgress: number;
  overdue: number;
  rates: Rates;
  components: ScoreComponents;
}

export interface Ranking {
  level: RankingLevel;
  kind: string | null;
  from: string;
  to: string;
  previousFrom: string;
  rows: RankingRow[];
}

export type Severity = 'warning' | 'critical';

export interface LateAgencyRow {
  agencyCode: string;
  name: string;
  unitCode: string;
  overdue: number;
  oldestOverdueDays: number;
  onTimeRate: Rate;
  resolved: number;
  severity: Severity;
}

export interface LateAgencies {
  scope: string;
  from: string;
  to: string;
  rows: LateAgencyRow[];
}

export type DossierStatus = 'overdue' | 'dueSoon' | 'inProgress' | 'paused';

export interface DossierRow {
  dossierId: string;
  procedureCode: string;
  agencyCode: string;
  unitCode: string;
  channel: 'online' | 'direct' | 'postal';
  receivedAt: string;
  dueAt: string;
  status: DossierStatus;
  overdueDays: number;
}

export interface DossierPage {
  total: number;
  page: number;
  pageSize: number;
  rows: DossierRow[];
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId: string | null; errors: string[] }[];
}

/** One local day of flow figures, for trend charts. */
export interface DailyFigures {
  date: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  paymentsSucceeded: number;
  paymentsAmountVnd: number;
  /**
   * Why the day is not a working day: `weekend`, the holiday's name, `public holiday` (from the
   * holiday library) or `operator` (an override); null on a working day.
   */
  dayOff: string | null;
}

export interface DailySeries {
  scope: string;
  from: string;
  to: string;
  days: DailyFigures[];
}
