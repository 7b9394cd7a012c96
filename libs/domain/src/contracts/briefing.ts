/** The weekly briefing (SPEC §5 `GET /briefings/:week`): the frozen figures behind the screen, the PDF and the XLSX. */
import type { LateAgencyRow, MetricsSummary, Rate, RankingLevel, RankingRow } from './api';

export interface BriefingTarget {
  /** `onTime` | `satisfaction` | `online` | `apology`. */
  name: string;
  target: number;
  value: Rate;
  met: boolean | null;
}

export interface BriefingTrendWeek {
  /** ISO week `YYYY-Www`. */
  week: string;
  received: number;
  resolved: number;
  onTimeRate: Rate;
  onlineShare: Rate;
  /** Working days in that week (5 in an ordinary one), when the API gives it. */
  workingDays?: number;
}

/** One row of the national report form, Biểu II.06a/VPCP/KSTT. */
export interface BriefingFormRow {
  label: string;
  unitCode: string;
  received: { total: number; online: number; directOrPostal: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
}

/** A form row's eleven figures in the printed form's column order (received…, resolved…, in progress…). */
export function formColumns(row: BriefingFormRow): number[] {
  return [
    row.received.total,
    row.received.online,
    row.received.directOrPostal,
    row.received.carriedOver,
    row.resolved.total,
    row.resolved.early,
    row.resolved.onTime,
    row.resolved.late,
    row.inProgress.total,
    row.inProgress.withinDeadline,
    row.inProgress.overdue,
  ];
}

export interface Briefing {
  week: string;
  scope: string;
  from: string;
  to: string;
  /** When a closed week was computed and kept; null while the week is still open (live). */
  frozenAt: string | null;
  checksum: string | null;
  /** Events for the week that arrived after it was frozen: not in these figures. */
  eventsSinceFrozen: number;
  current: MetricsSummary;
  previous: MetricsSummary;
  workingDays: { current: number; previous: number };
  ranking: { level?: RankingLevel; rows: RankingRow[] };
  targets: BriefingTarget[];
  lateAgencies: { rows: LateAgencyRow[] };
  trend: BriefingTrendWeek[];
  form: { rows: BriefingFormRow[] };
}

/**
 * What the server hands the page it prints into the PDF: the frozen figures themselves, so the
 * file shows exactly what was computed and the page fetches nothing.
 */
export interface PrintedBriefing {
  briefing: Briefing;
  /** Unit names by code, for the scope and the form's rows. */
  unitNames: Record<string, string>;
  /** The display zone (TZ_DISPLAY) every day is written in. */
  zone: string;
}

/** The global the print page reads `PrintedBriefing` from. */
export const PRINTED_BRIEFING_GLOBAL = '__IOC_PRINTED_BRIEFING__';
