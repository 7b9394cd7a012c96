import { describe, expect, it } from 'vitest';
import { countChange, rateChange, scoreChange } from './figure-change';

describe('figure changes against the previous period', () => {
  it('writes counts with a sign, in vi-VN digits', () => {
    expect(countChange(12_345, 10_000, 'vi')).toEqual({ text: '+2.345', trend: 'up' });
    expect(countChange(7, 10, 'en')).toEqual({ text: '\u22123', trend: 'down' });
    expect(countChange(5, 5, 'vi')).toEqual({ text: '0', trend: 'same' });
    expect(countChange(5, null, 'vi')).toEqual({ text: null, trend: null });
  });

  it('writes rates in percentage points, no data when either side has none', () => {
    expect(rateChange(0.985, 0.97, 'vi')).toEqual({ text: '+1,5', trend: 'up' });
    expect(rateChange(0.5, 0.62, 'en')).toEqual({ text: '\u221212.0', trend: 'down' });
    expect(rateChange(null, 0.5, 'vi').text).toBeNull();
    expect(rateChange(0.5, null, 'vi').text).toBeNull();
  });

  it('writes scores in points', () => {
    expect(scoreChange(80.25, 78.5, 'vi')).toEqual({ text: '+1,8', trend: 'up' });
  });
});
