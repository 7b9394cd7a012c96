import { LocalDate, WorkingCalendar } from '@ioc/domain';

// Enough for the days that a backfill's slices regenerate together.
const DATES_KEPT = 400;

/**
 * The working days after each date, listed once: every dossier received on a day asks for its
 * due day and the days of its events, and stepping through the calendar day by day each time
 * would be most of a backfill's work.
 */
export class WorkingDayIndex {
  private readonly following = new Map<LocalDate, LocalDate[]>();

  constructor(private readonly calendar: WorkingCalendar) {}

  /** The n-th working day after `date` (n ≥ 1); the date itself for n = 0. */
  after(date: LocalDate, n: number): LocalDate {
    if (n === 0) return date;
    let days = this.following.get(date);
    if (!days) {
      days = [];
      this.following.set(date, days);
      if (this.following.size > DATES_KEPT)
        this.following.delete(this.following.keys().next().value!);
    }
    while (days.length < n) days.push(this.calendar.nextWorkingDay(days.at(-1) ?? date));
    return days[n - 1];
  }
}
