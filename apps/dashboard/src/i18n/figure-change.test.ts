import { describe, expect, it } from 'vitest';
import { countChange, rateChange, scoreChange, vndChange } from './figure-change';

describe('figure changes against the previous period', () => {
  it('writes counts with a sign, in vi-VN digits, and the size apart', () => {
    expect(countChange(12_345, 10_000, 'vi')).toEqual({
      text: '+2.345',
      amount: '2.345',
      trend: 'up',
    });
    expect(countChange(7, 10, 'en')).toEqual({ text: '\u22123', amount: '3', trend: 'down' });
    expect(countChange(5, 5, 'vi')).toEqual({ text: '0', amount: '0', trend: 'same' });
    expect(countChange(5, null, 'vi')).toEqual({ text: null, amount: null, trend: null });
  });

  it('writes rates in percentage points, no data when either side has none', () => {
    expect(rateChange(0.985, 0.97, 'vi')).toMatchObject({ text: '+1,5', trend: 'up' });
    expect(rateChange(0.5, 0.62, 'en')).toMatchObject({ text: '\u221212.0', amount: '12.0' });
    expect(rateChange(null, 0.5, 'vi').text).toBeNull();
    expect(rateChange(0.5, null, 'vi').text).toBeNull();
  });

  it('writes scores in points and amounts in words', () => {
    expect(scoreChange(80.25, 78.5, 'vi')).toMatchObject({ text: '+1,8', trend: 'up' });
    expect(vndChange(109_500_000_000, 112_000_000_000, 'vi')).toEqual({
      text: '\u22122,5 tỷ đồng',
      amount: '2,5 tỷ đồng',
      trend: 'down',
    });
  });
});
