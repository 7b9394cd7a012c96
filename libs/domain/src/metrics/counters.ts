/**
 * The additive counters every flow metric is built from. Each dossier contributes facts (a set of
 * counters at an instant); a window's figures are the sum of the facts inside it, so the same
 * definitions serve a day rollup and a part-day edge alike.
 */
export const COUNTERS = [
  'received',
  'received_online',
  'received_direct',
  'received_postal',
  'digitization_base',
  'digitization_full',
  'fee_dossiers',
  'fee_dossiers_paid',
  'resolved',
  'resolved_on_time',
  'resolved_early',
  'resolved_late',
  'resolved_result_digitized',
  'resolved_late_apologized',
  'payments_succeeded',
  'payments_amount_vnd',
  'payments_failed',
  'ratings',
  'ratings_satisfied',
] as const;

export type CounterName = (typeof COUNTERS)[number];
export type Counters = Record<CounterName, number>;

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Counters;
}

export function addCounters(target: Counters, source: Partial<Counters>): Counters {
  for (const name of COUNTERS) target[name] += source[name] ?? 0;
  return target;
}

/** Ratings of 4 or 5 stars count as satisfied. */
export const SATISFIED_MIN_SCORE = 4;
