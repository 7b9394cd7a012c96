import type { WeekCalendar } from '../contracts/briefing';
import type { TimeWindow } from '../metrics/windows';
import { daysOfIsoWeek, IsoWeek, mondayOfIsoWeek } from '../time/iso-week';
import { addDays, isoWeekday, LocalClock } from '../time/local-date';
import type { WorkingCalendar } from './working-calendar';

/** `[Monday 00:00, next Monday 00:00)` of the week in the clock's zone (Asia/Ho_Chi_Minh). */
export function isoWeekWindow(week: IsoWeek, clock: LocalClock): TimeWindow {
  const monday = mondayOfIsoWeek(week);
  return { from: clock.startOfDay(monday), to: clock.startOfDay(addDays(monday, 7)) };
}

/** Tết Nguyên Đán as the announced calendar names its days (New Year's Day, Tết Dương lịch, is not). */
const TET = /Tết Nguyên Đán/;

/**
 * The working days of a week (ngày làm việc) and why it has fewer or more than five: the weekdays
 * off (holidays, Tết) and the weekend days worked (làm bù, a make-up Saturday). A week with a
 * Tết day off is `tet`, any other weekday off makes it `holiday`: a fall in its figures is the
 * calendar's, not the agencies'.
 */
export function weekCalendar(week: IsoWeek, calendar: WorkingCalendar): WeekCalendar {
  const daysOff: WeekCalendar['daysOff'] = [];
  const makeUpDays: WeekCalendar['makeUpDays'] = [];
  let workingDays = 0;
  for (const date of daysOfIsoWeek(week)) {
    const { working, reason } = calendar.describe(date);
    if (working) workingDays++;
    const weekend = isoWeekday(date) >= 6;
    if (!working && !weekend) daysOff.push({ date, reason });
    if (working && weekend) makeUpDays.push({ date, reason });
  }
  const kind = daysOff.some((day) => TET.test(day.reason))
    ? 'tet'
    : daysOff.length > 0
      ? 'holiday'
      : 'normal';
  return { week, workingDays, kind, daysOff, makeUpDays };
}
