import type { CalendarOverride, LocalDate } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The operators' corrections of the working-day calendar. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly db: DataSource) {}

  async overrides(): Promise<CalendarOverride[]> {
    return this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, working, note FROM calendar_override ORDER BY day`,
    );
  }

  /** Writes the overrides together (a swap is two), or none of them. */
  async setOverrides(overrides: readonly CalendarOverride[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      for (const { date, working, note } of overrides) {
        await manager.query(
          `INSERT INTO calendar_override (day, working, note) VALUES ($1, $2, $3)
           ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note, updated_at = now()`,
          [date, working, note ?? null],
        );
      }
    });
  }

  /** Whether there was an override to remove. */
  async removeOverride(date: LocalDate): Promise<boolean> {
    // For UPDATE and DELETE, TypeORM answers [rows, affected count].
    const [, affected] = await this.db.query<[unknown[], number]>(
      `DELETE FROM calendar_override WHERE day = $1`,
      [date],
    );
    return affected > 0;
  }
}
