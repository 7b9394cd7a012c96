import {
  formatCount,
  formatDate,
  formatDayMonth,
  formatDecimal,
  formatLocalDay,
  formatRate,
  formatTime,
  formatVnd,
  formatWeekday,
  NO_DATA,
  vndScale,
} from './display-format';

describe('display-format', () => {
  it('writes counts with vi-VN grouping', () => {
    expect(formatCount(561578)).toBe('561.578');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(561578, 'en')).toBe('561,578');
  });

  it('writes rates as percentages with a comma, and no data as a dash', () => {
    expect(formatRate(0.9798)).toBe('97,98 %');
    expect(formatRate(1)).toBe('100,00 %');
    expect(formatRate(0.5, 'vi', 1)).toBe('50,0 %');
    expect(formatRate(0.9798, 'en')).toBe('97.98%');
    expect(formatRate(null)).toBe(NO_DATA);
    expect(formatRate(Number.NaN)).toBe(NO_DATA);
    expect(formatRate(0)).toBe('0,00 %');
  });

  it('writes decimals', () => {
    expect(formatDecimal(76.56, 1)).toBe('76,6');
    expect(formatDecimal(null, 1)).toBe(NO_DATA);
    expect(formatDecimal(76.56, 1, 'en')).toBe('76.6');
  });

  it('writes money in words', () => {
    expect(formatVnd(850_000)).toBe('850.000 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
    expect(formatVnd(6_000_000)).toBe('6,0 triệu đồng');
    expect(formatVnd(6_049_999)).toBe('6,0 triệu đồng');
    expect(formatVnd(109_456_000_000)).toBe('109,5 tỷ đồng');
    expect(formatVnd(1_200_000_000_000)).toBe('1,2 nghìn tỷ đồng');
    expect(formatVnd(999_960_000)).toBe('1,0 tỷ đồng');
    expect(formatVnd(109_456_000_000, 'en')).toBe('109.5 billion VND');
    expect(formatVnd(850_000, 'en')).toBe('850,000 VND');
    expect(formatVnd(1_200_000_000_000, 'en')).toBe('1.2 trillion VND');
  });

  it('gives the unit an axis of amounts counts in', () => {
    expect(vndScale(3_100_000_000)).toEqual({ size: 1e9, unit: 'tỷ đồng' });
    expect(vndScale(999_999_999)).toEqual({ size: 1e6, unit: 'triệu đồng' });
    expect(vndScale(1_200_000_000_000, 'en')).toEqual({ size: 1e12, unit: 'trillion VND' });
    expect(vndScale(850_000)).toEqual({ size: 1, unit: 'đồng' });
  });

  it('writes times and dates in the zone given', () => {
    const instant = '2026-11-21T03:42:05.000Z';
    const hcm = 'Asia/Ho_Chi_Minh';
    expect(formatTime(instant, hcm)).toBe('10:42:05');
    expect(formatTime(Date.parse(instant), hcm, 'en')).toBe('10:42:05');
    expect(formatDate(instant, hcm)).toBe('21/11/2026');
    // 17:30 UTC is already the next day in Vietnam.
    expect(formatDate('2026-11-21T17:30:00.000Z', hcm)).toBe('22/11/2026');
    expect(formatDayMonth(instant, hcm)).toBe('21/11');
    expect(formatWeekday(instant, hcm)).toBe('Thứ Bảy');
    expect(formatWeekday(instant, hcm, 'en')).toBe('Saturday');
    expect(formatLocalDay('2026-11-03')).toBe('03/11');
  });

  it('writes the same instant in another display zone', () => {
    // 21/11/2026 03:42:05 UTC is 22:42:05 the day before in New York (UTC−5).
    const instant = '2026-11-21T03:42:05.000Z';
    expect(formatTime(instant, 'America/New_York')).toBe('22:42:05');
    expect(formatDate(instant, 'America/New_York')).toBe('20/11/2026');
    expect(formatWeekday(instant, 'America/New_York')).toBe('Thứ Sáu');
    expect(formatTime(instant, 'UTC', 'en')).toBe('03:42:05');
  });
});
