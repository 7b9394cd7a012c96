/** The weekly briefing's response (SPEC §5 `GET /briefings/:week`); field names are the contract. */
import type { LateAgencyRow, MetricsSummary, Rate, RankingLevel, RankingRow } from './api';

/** Why a week has fewer (or more) working days than five: a fall is then not read as a failure. */
export interface WeekCalendar {
  week: string;
  workingDays: number;
  /** `tet`: a Tết Nguyên Đán day off; `holiday`: another weekday off; else `normal`. */
  kind: 'normal' | 'holiday' | 'tet';
  /** Weekdays off, with the calendar's reason (Vietnamese for the announced days). */
  daysOff: { date: string; reason: string }[];
  /** Weekend days worked (làm bù). */
  makeUpDays: { date: string; reason: string }[];
}

export type BriefingTargetName = 'onTime' | 'satisfaction' | 'online' | 'apology';

export interface BriefingTarget {
  name: BriefingTargetName;
  target: number;
  /** The week's rate; null is "no data" (and then `met` is null too). */
  value: Rate;
  met: boolean | null;
}

export interface BriefingTrendWeek {
  week: string;
  from: string;
  to: string;
  received: number;
  resolved: number;
  onTimeRate: Rate;
  onlineShare: Rate;
  /** The week's working days and kind, so a holiday or Tết week's fall is not read as failure. */
  workingDays: number;
  kind: WeekCalendar['kind'];
}

/**
 * One row of the national report form (Biểu II.06a/VPCP/KSTT). Its columns add up:
 * received.total = online + directOrPostal + carriedOver; resolved.total = early + onTime + late
 * (`onTime` here is on time but not early); inProgress.total = withinDeadline + overdue.
 */
export interface BriefingFormRow {
  label: string;
  unitCode: string;
  /** The field (lĩnh vực) of a field row; null on a unit's row. */
  field: string | null;
  /**
   * `scope`: the whole scope; `own`: the dossiers the scope's own desks received (cấp tỉnh), beside
   * its units'; `unit`: a unit right below the scope with everything below it; `field`: one
   * field of the row above it. The scope = own + its units; a unit (or own) = its fields.
   */
  kind: 'scope' | 'own' | 'unit' | 'field';
  received: { total: number; online: number; directOrPostal: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
}

/** The figures of a week, frozen once the week is over: what the checksum is of. */
export interface BriefingFigures {
  week: string;
  scope: string;
  scopeName: string;
  from: string;
  to: string;
  previousWeek: string;
  current: MetricsSummary;
  previous: MetricsSummary;
  workingDays: { current: number; previous: number };
  /** The two weeks' working-day calendars: which days were off, and why. */
  calendar: { current: WeekCalendar; previous: WeekCalendar };
  /** Units right below the scope (or the scope itself, at the bottom), ranks province-wide. */
  ranking: { level: RankingLevel; rows: RankingRow[] };
  targets: BriefingTarget[];
  lateAgencies: { rows: LateAgencyRow[] };
  /** The 8 weeks up to and including this one, oldest first. */
  trend: BriefingTrendWeek[];
  form: { rows: BriefingFormRow[] };
}

export interface Briefing extends BriefingFigures {
  /** When the closed week was computed and kept; null for the week still open (computed live). */
  frozenAt: string | null;
  /** sha256 of the canonical JSON of the figures: the screen, the PDF and the XLSX agree on it. */
  checksum: string;
  /** Events stored after `frozenAt` that occurred before the week's end; null while live. */
  eventsSinceFrozen: number | null;
  /** The version of the metric definitions the figures were computed with. */
  definitionsVersion: number;
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

/**
 * What the server hands the page it prints into the PDF: the frozen figures themselves, so the
 * file shows exactly what was computed and the page fetches nothing.
 */
export interface PrintedBriefing {
  briefing: Briefing;
  /** The display zone (TZ_DISPLAY) every day is written in. */
  zone: string;
}

/** The global the print page reads `PrintedBriefing` from. */
export const PRINTED_BRIEFING_GLOBAL = '__IOC_PRINTED_BRIEFING__';
