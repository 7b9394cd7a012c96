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
  /**
   * What every row is measured against, from the whole ranking even when `rows` holds only
   * those the caller may see (a chief's "rank 3 of 11", beside the best and the median).
   */
  reference?: RankingReference;
}

/** The whole ranking in brief: how many rows, the first one, and the median of each component. */
export interface RankingReference {
  /** Rows ranked province-wide ("of N"). */
  ranked: number;
  /** The first row (rank 1). */
  best: Pick<RankingRow, 'code' | 'name' | 'score' | 'components'> | null;
  /** Medians over the rows that are not `lowSample` (all rows when every one is). */
  median: { score: number | null; rates: Partial<Record<ScoreComponent, number>> };
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

/**
 * `GET /dossiers?status=`: `inProgress` lists every dossier in progress (whatever its state);
 * each other value lists the dossiers in that state.
 */
export const DOSSIER_LIST_STATUSES = ['inProgress', 'overdue', 'dueSoon', 'paused'] as const;
export type DossierListStatus = (typeof DOSSIER_LIST_STATUSES)[number];

/** `GET /dossiers?sort=`: the columns a list sorts by, e.g. `sort=overdueDays:desc,dossierId:asc`. */
export const DOSSIER_SORT_COLUMNS = [
  'dossierId',
  'procedureCode',
  'agencyCode',
  'unitCode',
  'channel',
  'receivedAt',
  'dueAt',
  'status',
  'overdueDays',
  'apologized',
] as const;
export type DossierSortColumn = (typeof DOSSIER_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface DossierSort {
  column: DossierSortColumn;
  direction: SortDirection;
}

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
  /** A letter of apology (thư xin lỗi) had been sent by the instant listed (SPEC §3, §4). */
  apologized: boolean;
}

export interface DossierPage {
  total: number;
  page: number;
  pageSize: number;
  rows: DossierRow[];
}

/**
 * `GET /dossiers/by-procedure`: one procedure's dossiers in a scope: those in progress at `to`
 * and how many are overdue, due soon or paused, and those resolved in the window.
 */
export interface ProcedureLoadRow {
  procedureCode: string;
  /** The directory's name of the procedure (its code when the directory has none). */
  procedureName: string;
  inProgress: number;
  overdue: number;
  dueSoon: number;
  paused: number;
  /** The largest `overdueDays` of its overdue dossiers; 0 when none is. */
  oldestOverdueDays: number;
  resolved: number;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved; null ("no data") when none was resolved. */
  onTimeRate: number | null;
}

export interface ProcedureLoads {
  scope: string;
  agency: string | null;
  from: string;
  to: string;
  /** The most overdue first, then the most in progress, then by code. */
  rows: ProcedureLoadRow[];
}

/** A dossier's status at now: in progress in one of its states, or closed. */
export type DossierDetailStatus = DossierStatus | 'resolved' | 'withdrawn';

/** A day that is not a working day, and why (a weekend, a public holiday, an announced day off). */
export interface DayOff {
  date: string;
  reason: string;
}

/** A pause of the clock (chờ bổ sung hồ sơ) and the working days it moved the due date on. */
export interface DuePause {
  from: string;
  /** Null while the dossier is still paused. */
  to: string | null;
  /** Working days the pause touched (a part day counts); 0 while it is still open. */
  workingDays: number;
  /** The due date in force after the pause. */
  dueAt: string;
}

/** How a dossier's due date was reached (SPEC §3, "Due date"). */
export interface DueReasoning {
  /** The due date before any pause. */
  base: string;
  /** `source`: the source system sent `dueAt`; `calendar`: n working days after the day of receipt. */
  baseFrom: 'source' | 'calendar';
  /** The procedure's processing days (working days) when the calendar gave the base. */
  processingDays: number | null;
  /** Local day of receipt, and the local day the base falls on. */
  receivedOn: string;
  baseDueOn: string;
  /** Days off between the day of receipt and the base due day that the count skipped. */
  daysSkipped: DayOff[];
  pauses: DuePause[];
  /** The due date in force now, after every pause. */
  dueAt: string;
  /** The new appointment of a letter of apology (thư xin lỗi); it does not move the due date. */
  apologyNewDueAt: string | null;
}

/** One accepted event of a dossier, as it was sent (`eventId`, `type`, `occurredAt`, …). */
export type DossierEventRecord = { eventId: string; type: string; occurredAt: string } & Record<
  string,
  unknown
>;

/** `GET /dossiers/:dossierId`. */
export interface DossierDetail extends Omit<DossierRow, 'status'> {
  status: DossierDetailStatus;
  resolvedAt: string | null;
  withdrawnAt: string | null;
  outcome: 'approved' | 'rejected' | null;
  /** Resolved by its due date; null while not resolved. */
  onTime: boolean | null;
  due: DueReasoning;
  /** Every accepted event, in the order they are applied (by `occurredAt`). */
  events: DossierEventRecord[];
}

/** SPEC §6: who may log in (a wall display's kiosk token acts as `wall`). */
export const USER_ROLES = ['admin', 'leader', 'district_chief', 'agency_head', 'wall'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** `POST /auth/login`: the token and what a screen needs to land the user where they belong. */
export interface LoginAnswer {
  accessToken: string;
  role: UserRole;
  /** A district chief's unit. */
  unitCode: string | null;
  /** An agency head's agency. */
  agencyCode: string | null;
}

/** `GET /calendar/next-working-day`: "due tomorrow" means due on the next working day. */
export interface NextWorkingDay {
  /** The day asked about (default today, local). */
  date: string;
  nextWorkingDay: string;
}

/** The formats of a list's download (`format=` on `/dossiers`, `/rankings`, `/alerts/late-agencies`). */
export const DOWNLOAD_FORMATS = ['csv', 'xlsx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

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
