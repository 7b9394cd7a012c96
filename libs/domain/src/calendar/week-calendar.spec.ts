import { LocalClock } from '../time/local-date';
import { isoWeekWindow, weekCalendar } from './week-calendar';
import { WorkingCalendar } from './working-calendar';

const clock = new LocalClock('Asia/Ho_Chi_Minh');
const calendar = new WorkingCalendar(clock);

describe('isoWeekWindow', () => {
  it('runs from Monday 00:00 to the next Monday 00:00, Vietnam time', () => {
    const window = isoWeekWindow('2026-W48', clock);
    expect(new Date(window.from).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(new Date(window.to).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('spans a year end', () => {
    const window = isoWeekWindow('2020-W53', clock);
    expect(new Date(window.from).toISOString()).toBe('2020-12-27T17:00:00.000Z');
    expect(new Date(window.to).toISOString()).toBe('2021-01-03T17:00:00.000Z');
  });
});

describe('weekCalendar', () => {
  it('has five working days in an ordinary week', () => {
    expect(weekCalendar('2026-W47', calendar)).toEqual({
      week: '2026-W47',
      workingDays: 5,
      kind: 'normal',
      daysOff: [],
      makeUpDays: [],
    });
  });

  it('marks a Tết week: 16–20 February 2026 are all off', () => {
    const tet = weekCalendar('2026-W08', calendar);
    expect(tet.workingDays).toBe(0);
    expect(tet.kind).toBe('tet');
    expect(tet.daysOff.map((day) => day.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tet.daysOff[1].reason).toBe('Tết Nguyên Đán (mùng 1 Tết)');
    // 2021: Tết ran Wednesday 10 to Tuesday 16 February, across two weeks.
    expect(weekCalendar('2021-W06', calendar)).toMatchObject({ workingDays: 2, kind: 'tet' });
    expect(weekCalendar('2021-W07', calendar)).toMatchObject({ workingDays: 3, kind: 'tet' });
  });

  it('counts a make-up Saturday: the week of 10 January 2026 has its five days back', () => {
    // Friday 2 January 2026 was swapped for Saturday 10 January.
    expect(weekCalendar('2026-W01', calendar)).toMatchObject({ workingDays: 3, kind: 'holiday' });
    const makeUp = weekCalendar('2026-W02', calendar);
    expect(makeUp.workingDays).toBe(6);
    expect(makeUp.kind).toBe('normal');
    expect(makeUp.makeUpDays).toEqual([
      { date: '2026-01-10', reason: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026' },
    ]);
  });

  it('marks a holiday week that is not Tết', () => {
    // Ngày Văn hóa Việt Nam, Tuesday 24 November 2026.
    expect(weekCalendar('2026-W48', calendar)).toMatchObject({ workingDays: 4, kind: 'holiday' });
    // 2/9/2026: Monday 31 August (swapped), Tuesday 1 and Wednesday 2 September off.
    const national = weekCalendar('2026-W36', calendar);
    expect(national.kind).toBe('holiday');
    expect(national.workingDays).toBe(2);
  });
});
