import { addCounters, COUNTERS, SATISFIED_MIN_SCORE, zeroCounters } from './counters';

describe('counters', () => {
  it('starts every counter at zero', () => {
    const zero = zeroCounters();
    expect(Object.keys(zero)).toEqual([...COUNTERS]);
    expect(Object.values(zero).every((value) => value === 0)).toBe(true);
    expect(COUNTERS).toHaveLength(19);
  });

  it('adds a fact’s partial counters into a total', () => {
    const total = zeroCounters();
    addCounters(total, { received: 1, received_online: 1, fee_dossiers: 1 });
    addCounters(total, { received: 1, received_direct: 1 });
    const result = addCounters(total, { payments_succeeded: 1, payments_amount_vnd: 50_000 });
    expect(result).toBe(total);
    expect(total).toEqual({
      ...zeroCounters(),
      received: 2,
      received_online: 1,
      received_direct: 1,
      fee_dossiers: 1,
      payments_succeeded: 1,
      payments_amount_vnd: 50_000,
    });
  });

  it('counts ratings of 4 and 5 as satisfied', () => {
    expect(SATISFIED_MIN_SCORE).toBe(4);
  });
});
