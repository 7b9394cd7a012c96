import type { CalendarOverride, LocalDate } from '@ioc/domain';
import { AppConfig } from '../config/app-config';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** The overrides kept in memory, as the table keeps them. */
class FakeCalendarRepository implements Pick<CalendarRepository, keyof CalendarRepository> {
  readonly byDay = new Map<LocalDate, CalendarOverride>();

  async overrides() {
    return [...this.byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  async setOverride(date: LocalDate, working: boolean, note: string | undefined) {
    this.byDay.set(date, { date, working, note });
  }

  async removeOverride(date: LocalDate) {
    return this.byDay.delete(date);
  }
}

describe('CalendarService', () => {
  const start = async (repository = new FakeCalendarRepository(), config = new AppConfig({})) => {
    // The fake has the repository's methods, not its private connection.
    const service = new CalendarService(repository as unknown as CalendarRepository, config);
    await service.onModuleInit();
    return service;
  };

  it('loads the overrides in force at start-up', async () => {
    const repository = new FakeCalendarRepository();
    await repository.setOverride('2026-11-20', false, 'Ngày Nhà giáo (local day off)');
    const service = await start(repository);
    expect(service.current.isWorkingDay('2026-11-20')).toBe(false);
    expect(service.current.isWorkingDay('2026-11-19')).toBe(true);
  });

  it('uses an override at once, and the shipped calendar again once it is removed', async () => {
    const service = await start();
    // Saturday 21/11/2026, announced as a make-up working day.
    await service.setOverride('2026-11-21', true, 'make-up day');
    expect(service.current.isWorkingDay('2026-11-21')).toBe(true);
    expect(await service.overrides()).toEqual([
      { date: '2026-11-21', working: true, note: 'make-up day' },
    ]);
    expect(await service.removeOverride('2026-11-21')).toBe(true);
    expect(service.current.isWorkingDay('2026-11-21')).toBe(false);
    expect(await service.removeOverride('2026-11-21')).toBe(false);
  });

  it('keeps its clock in the configured zone', async () => {
    const service = await start(undefined, new AppConfig({ TZ_DISPLAY: 'Asia/Bangkok' }));
    expect(service.clock.zone).toBe('Asia/Bangkok');
  });
});
