import { afterUntil, anyContains, isEmptyRange, rangeContains, TimeRange } from './time-range';

describe('time ranges', () => {
  const ms = (iso: string) => Date.parse(iso);
  const receivedAt = ms('2021-02-01T09:00:00+07:00');
  const resolvedAt = ms('2021-02-03T15:00:00+07:00');

  describe('afterUntil', () => {
    it('is (lower, upper], or (lower, ∞) without an upper bound', () => {
      expect(afterUntil(receivedAt, resolvedAt)).toEqual({
        lower: receivedAt,
        upper: resolvedAt,
        lowerInclusive: false,
        upperInclusive: true,
      });
      expect(afterUntil(receivedAt, null)).toEqual({
        lower: receivedAt,
        upper: null,
        lowerInclusive: false,
        upperInclusive: false,
      });
    });
  });

  describe('rangeContains', () => {
    it('excludes the lower bound and includes the upper one of (lower, upper]', () => {
      const range = afterUntil(receivedAt, resolvedAt);
      expect(rangeContains(range, receivedAt - 1)).toBe(false);
      expect(rangeContains(range, receivedAt)).toBe(false);
      expect(rangeContains(range, receivedAt + 1)).toBe(true);
      expect(rangeContains(range, resolvedAt)).toBe(true);
      expect(rangeContains(range, resolvedAt + 1)).toBe(false);
    });

    it('honours inclusive lower and exclusive upper bounds', () => {
      const range: TimeRange = {
        lower: receivedAt,
        upper: resolvedAt,
        lowerInclusive: true,
        upperInclusive: false,
      };
      expect(rangeContains(range, receivedAt)).toBe(true);
      expect(rangeContains(range, resolvedAt - 1)).toBe(true);
      expect(rangeContains(range, resolvedAt)).toBe(false);
    });

    it('has no end without an upper bound', () => {
      expect(rangeContains(afterUntil(receivedAt, null), ms('2099-12-31T23:59:59.999+07:00'))).toBe(
        true,
      );
    });
  });

  describe('anyContains', () => {
    it('is true when one of the ranges holds the instant', () => {
      const ranges = [afterUntil(receivedAt, receivedAt + 10), afterUntil(resolvedAt, null)];
      expect(anyContains(ranges, receivedAt + 10)).toBe(true);
      expect(anyContains(ranges, receivedAt + 11)).toBe(false);
      expect(anyContains(ranges, resolvedAt + 1)).toBe(true);
      expect(anyContains([], receivedAt)).toBe(false);
    });
  });

  describe('isEmptyRange', () => {
    it('is empty when nothing fits between the bounds', () => {
      expect(isEmptyRange(afterUntil(receivedAt, receivedAt))).toBe(true);
      expect(isEmptyRange(afterUntil(resolvedAt, receivedAt))).toBe(true);
      expect(
        isEmptyRange({
          lower: receivedAt,
          upper: receivedAt,
          lowerInclusive: true,
          upperInclusive: true,
        }),
      ).toBe(false);
      expect(isEmptyRange(afterUntil(receivedAt, receivedAt + 1))).toBe(false);
      expect(isEmptyRange(afterUntil(receivedAt, null))).toBe(false);
    });
  });
});
