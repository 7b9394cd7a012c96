import { CalendarOverride, LocalClock, LocalDate, WorkingCalendar } from '@ioc/domain';
import { Injectable, OnModuleInit } from '@nestjs/common';
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
    await this.repository.setOverride(date, working, note);
    await this.reload();
  }

  async removeOverride(date: LocalDate): Promise<boolean> {
    const removed = await this.repository.removeOverride(date);
    await this.reload();
    return removed;
  }
}
