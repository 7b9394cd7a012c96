import {
  Agency,
  AgencyKind,
  daysBetween,
  LocalDate,
  StaffingReported,
  WorkingCalendar,
} from '@ioc/domain';
import type { TimedEvent } from './dossier-lifecycle';
import { InstantFormat } from './instant-format';
import { hasTwoTiers } from './province-model';
import { Random } from './random';

const HOUR_MS = 3_600_000;
/** Shift changes at the one-stop desks: the morning and the afternoon sessions. */
const SHIFTS = [
  { name: 'morning', startsAt: 7.5 * HOUR_MS },
  { name: 'afternoon', startsAt: 13.5 * HOUR_MS },
] as const;

interface StaffingProfile {
  /** Staff quota (biên chế được giao). */
  quota: [number, number];
  /** Officials at the one-stop desk in a session. */
  deskSeats: [number, number];
}

const PROFILES: Record<AgencyKind, StaffingProfile> = {
  department: { quota: [30, 90], deskSeats: [1, 3] },
  vertical: { quota: [80, 400], deskSeats: [2, 5] },
  district_committee: { quota: [70, 130], deskSeats: [3, 7] },
  commune_committee: { quota: [20, 24], deskSeats: [1, 3] },
};

/**
 * In two tiers a commune committee does what the district's did, for the three or so communes
 * merged into it: their staff and a share of the district's, and a one-stop desk the size of the
 * district's (the commune's public administration service centre).
 */
const profileOf = (kind: AgencyKind, twoTiers: boolean): StaffingProfile =>
  twoTiers && kind === 'commune_committee' ? PROFILES.district_committee : PROFILES[kind];

/** Vacancies below quota, as a share of it. */
const VACANCY_SHARE: [number, number] = [0.02, 0.12];
/** Officials streamlined out in a year (tinh giản biên chế), as a share of the quota. */
const STREAMLINED_SHARE: [number, number] = [0.01, 0.04];
/** New recruits, as a share of those streamlined: the Hà Tĩnh plan keeps it at most half. */
const RECRUITED_SHARE_OF_STREAMLINED: [number, number] = [0.2, 0.5];

/**
 * Staffing reports (staffing.reported) from the HR system: every agency, at each shift change of
 * a working day, with its quota, headcount, the officials on duty at the desk, and the year's
 * streamlined and recruited so far.
 */
export function staffingReports(
  seed: number,
  agencies: readonly Agency[],
  day: LocalDate,
  calendar: WorkingCalendar,
  format: InstantFormat,
): TimedEvent<StaffingReported>[] {
  if (!calendar.isWorkingDay(day)) return [];
  const year = day.slice(0, 4);
  const yearDone =
    (daysBetween(`${year}-01-01`, day) + 1) /
    daysBetween(`${year}-01-01`, `${Number(year) + 1}-01-01`);
  const reports: TimedEvent<StaffingReported>[] = [];
  const twoTiers = hasTwoTiers(agencies);
  for (const agency of agencies) {
    const profile = profileOf(agency.kind, twoTiers);
    const standing = new Random(seed, 'staffing', agency.code);
    const quota = standing.int(...profile.quota);
    const vacancies = Math.round(quota * standing.between(...VACANCY_SHARE));
    const seats = standing.int(...profile.deskSeats);

    const plan = new Random(seed, 'staffing', agency.code, year);
    const streamlinedInYear = Math.round(quota * plan.between(...STREAMLINED_SHARE));
    const recruitedInYear = Math.round(
      streamlinedInYear * plan.between(...RECRUITED_SHARE_OF_STREAMLINED),
    );
    const streamlined = Math.floor(streamlinedInYear * yearDone);
    const recruited = Math.floor(recruitedInYear * yearDone);
    const headcount = Math.max(0, quota - vacancies - streamlined + recruited);

    for (const shift of SHIFTS) {
      const session = new Random(seed, 'on-duty', agency.code, day, shift.name);
      // Leave, meetings and field visits take a seat away now and then; a busy day adds one.
      const onDuty = Math.min(headcount, Math.max(0, seats + session.int(-1, 1)));
      const at = calendar.clock.startOfDay(day) + shift.startsAt;
      reports.push({
        at,
        event: {
          eventId: `sim-${seed}-${day.replaceAll('-', '')}-staffing-${shift.name}-${agency.code}`,
          type: 'staffing.reported',
          occurredAt: format.format(at),
          agencyCode: agency.code,
          quota,
          headcount,
          onDuty,
          streamlined,
          recruited,
        },
      });
    }
  }
  return reports;
}
