import { CalendarOverride, LocalClock, LocalDate, WorkingCalendar } from '@ioc/domain';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** The working-day calendar in force: the shipped one plus the operators' overrides. */
@Injectable()
export class CalendarService implements OnModuleInit {
  readonly clock: LocalClock;
  private calendar: WorkingCalendar;

  constructor(
    private readonly db: DataSource,
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
    this.calendar = new WorkingCalendar(this.clock, await this.overrides());
  }

  async overrides(): Promise<CalendarOverride[]> {
    return this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, working, note FROM calendar_override ORDER BY day`,
    );
  }

  async setOverride(date: LocalDate, working: boolean, note: string | undefined): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_override (day, working, note) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note, updated_at = now()`,
      [date, working, note ?? null],
    );
    await this.reload();
  }

  async removeOverride(date: LocalDate): Promise<boolean> {
    // For UPDATE and DELETE, TypeORM answers [rows, affected count].
    const [, affected] = await this.db.query<[unknown[], number]>(
      `DELETE FROM calendar_override WHERE day = $1`,
      [date],
    );
    await this.reload();
    return affected > 0;
  }
}
