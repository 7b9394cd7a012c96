import { AppConfig } from '../config/app-config';
import { calendarService, FakeCalendarRepository } from '../testing/service-fakes';

describe('CalendarService', () => {
  it('loads the overrides in force at start-up', async () => {
    const repository = new FakeCalendarRepository();
    await repository.setOverrides([
      { date: '2026-11-20', working: false, note: 'Ngày Nhà giáo (local day off)' },
    ]);
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

  it('swaps a working day with a day off in one act, and refuses a swap that is not one', async () => {
    const repository = new FakeCalendarRepository();
    const service = await calendarService(repository);
    // Friday 4/12/2026 off, made up on Saturday 12/12/2026.
    await service.swap('2026-12-04', '2026-12-12', 'hoán đổi');
    expect(service.current.isWorkingDay('2026-12-04')).toBe(false);
    expect(service.current.isWorkingDay('2026-12-12')).toBe(true);
    expect(await service.overrides()).toEqual([
      { date: '2026-12-04', working: false, note: 'hoán đổi' },
      { date: '2026-12-12', working: true, note: 'hoán đổi' },
    ]);
    // Friday 4/12 is now off: it cannot be swapped away again; Sunday 13/12 is already off.
    await expect(service.swap('2026-12-04', '2026-12-13', undefined)).rejects.toThrow(
      'dayOff: 2026-12-04 is already a day off',
    );
    await expect(service.swap('2026-12-07', '2026-12-08', undefined)).rejects.toThrow(
      'workingDay: 2026-12-08 is already a working day',
    );
    expect(repository.byDay.size).toBe(2);
  });

  it('keeps its clock in the configured zone', async () => {
    const service = await calendarService(undefined, new AppConfig({ TZ_DISPLAY: 'Asia/Bangkok' }));
    expect(service.clock.zone).toBe('Asia/Bangkok');
  });
});
