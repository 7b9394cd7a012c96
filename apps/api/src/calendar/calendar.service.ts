import {
  AdminErrorReason,
  CalendarOverride,
  LocalClock,
  LocalDate,
  WorkingCalendar,
} from '@ioc/domain';
import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { explainedError } from '../common/explained-error';
import { AppConfig } from '../config/app-config';
import { CalendarRepository } from './calendar.repository';

/** The working-day calendar in force: the shipped one plus the operators' overrides. */
@Injectable()
export class CalendarService implements OnModuleInit {
  readonly clock: LocalClock;
  private calendar: WorkingCalendar;

  constructor(
    private readonly repository: CalendarRepository,
    config: AppConfig,
  ) {
    this.clock = new LocalClock(config.zone);
    this.calendar = new WorkingCalendar(this.clock);
  }

  get current(): WorkingCalendar {
    return this.calendar;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    this.calendar = new WorkingCalendar(this.clock, await this.repository.overrides());
  }

  overrides(): Promise<CalendarOverride[]> {
    return this.repository.overrides();
  }

  async setOverride(date: LocalDate, working: boolean, note: string | undefined): Promise<void> {
    await this.repository.setOverrides([{ date, working, note }]);
    await this.reload();
  }

  /**
   * Swaps a working day with a day off (a làm bù: Friday off, made up on a Saturday): `dayOff`
   * must be a working day now and `workingDay` a day off; both are written, or neither.
   */
  async swap(dayOff: LocalDate, workingDay: LocalDate, note: string | undefined): Promise<void> {
    const refused = (reason: AdminErrorReason, message: string, date: LocalDate) =>
      explainedError(HttpStatus.BAD_REQUEST, reason, message, { date });
    if (dayOff === workingDay) throw refused('sameDay', 'Swap two different days', dayOff);
    if (!this.calendar.isWorkingDay(dayOff)) {
      throw refused('alreadyDayOff', `dayOff: ${dayOff} is already a day off`, dayOff);
    }
    if (this.calendar.isWorkingDay(workingDay)) {
      throw refused(
        'alreadyWorkingDay',
        `workingDay: ${workingDay} is already a working day`,
        workingDay,
      );
    }
    await this.repository.setOverrides([
      { date: dayOff, working: false, note },
      { date: workingDay, working: true, note },
    ]);
    await this.reload();
  }

  async removeOverride(date: LocalDate): Promise<boolean> {
    const removed = await this.repository.removeOverride(date);
    await this.reload();
    return removed;
  }
}
