import { AppConfig } from '../config/app-config';
import { calendarService, FakeCalendarRepository } from '../testing/service-fakes';

describe('CalendarService', () => {
  it('loads the overrides in force at start-up', async () => {
    const repository = new FakeCalendarRepository();
    await repository.setOverride('2026-11-20', false, 'Ngày Nhà giáo (local day off)');
    const service = await calendarService(repository);
    expect(service.current.isWorkingDay('2026-11-20')).toBe(false);
    expect(service.current.isWorkingDay('2026-11-19')).toBe(true);
  });

  it('uses an override at once, and the shipped calendar again once it is removed', async () => {
    const service = await calendarService();
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
    const service = await calendarService(undefined, new AppConfig({ TZ_DISPLAY: 'Asia/Bangkok' }));
    expect(service.clock.zone).toBe('Asia/Bangkok');
  });
});
