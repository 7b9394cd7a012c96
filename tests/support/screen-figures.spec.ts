import { expectedCell, viNumber, writes } from './screen-figures';

describe('screen figures', () => {
  it('reads vi-VN numbers', () => {
    expect(viNumber('561.578')).toBe(561578);
    expect(viNumber('97,98')).toBe(97.98);
    expect(viNumber('0')).toBe(0);
    expect(viNumber('561,578')).toBe(561.578); // a decimal comma, not the English grouping
    expect(viNumber('97.98')).toBeNaN();
    expect(viNumber('5615.78')).toBeNaN();
  });

  it('matches counts exactly', () => {
    expect(writes('561.578', { count: 561578 })).toBe(true);
    expect(writes('561.578', { count: 561579 })).toBe(false);
    expect(writes('561578', { count: 561578 })).toBe(false);
    expect(writes('561,578', { count: 561578 })).toBe(false);
  });

  it('matches rates to the digits shown, and no data as a dash', () => {
    expect(writes('97,98 %', { percent: 0.9798, digits: 2 })).toBe(true);
    expect(writes('97,98 %', { percent: 0.97976, digits: 2 })).toBe(true);
    expect(writes('97,98 %', { percent: 0.9799, digits: 2 })).toBe(false);
    expect(writes('98,5 %', { percent: 0.985, digits: 1 })).toBe(true);
    expect(writes('98,50 %', { percent: 0.985, digits: 1 })).toBe(false);
    expect(writes('97.98%', { percent: 0.9798, digits: 2 })).toBe(false);
    expect(writes('—', { percent: null, digits: 2 })).toBe(true);
    expect(writes('0,00 %', { percent: null, digits: 2 })).toBe(false);
  });

  it('matches one decimal with what follows, either way at a tie', () => {
    expect(writes('76,6 /100', { decimal: 76.56, after: ' /100' })).toBe(true);
    expect(writes('76,5', { decimal: 76.55 })).toBe(true);
    expect(writes('76,6', { decimal: 76.55 })).toBe(true);
    expect(writes('76,6', { decimal: 76.5 })).toBe(false);
    expect(writes('—', { decimal: null })).toBe(true);
  });

  it('matches money in the largest unit the amount reaches', () => {
    expect(writes('109,5 tỷ đồng', { vnd: 109_456_000_000 })).toBe(true);
    expect(writes('109,4 tỷ đồng', { vnd: 109_456_000_000 })).toBe(false);
    expect(writes('109.456,0 triệu đồng', { vnd: 109_456_000_000 })).toBe(false);
    expect(writes('6,0 triệu đồng', { vnd: 6_049_999 })).toBe(true);
    expect(writes('1,2 nghìn tỷ đồng', { vnd: 1_200_000_000_000 })).toBe(true);
    expect(writes('1,0 tỷ đồng', { vnd: 999_960_000 })).toBe(true);
    expect(writes('850.000 đồng', { vnd: 850_000 })).toBe(true);
    expect(writes('850.001 đồng', { vnd: 850_000 })).toBe(false);
  });

  it('expects the text shown when it matches, and says what it should be when not', () => {
    expect(expectedCell('1.300', { count: 1300 })).toBe('1.300');
    expect(expectedCell('1.301', { count: 1300 })).toBe('≈ {"count":1300}');
    expect(expectedCell(undefined, { count: 1300 })).toBe('≈ {"count":1300}');
    expect(expectedCell('whatever', 'Đạt')).toBe('Đạt');
  });
});
