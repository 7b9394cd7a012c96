import { Random, WeightedTable } from './random';

const HALF_HOUR_MS = 1_800_000;

/** When in a local day something happens: a weight for each half hour from midnight. */
export class DayProfile {
  private readonly slots: WeightedTable<number>;

  constructor(weightsByHalfHour: readonly number[]) {
    if (weightsByHalfHour.length !== 48) throw new Error('A day profile has 48 half hours');
    this.slots = new WeightedTable(
      weightsByHalfHour.map((_, slot) => slot),
      (slot) => weightsByHalfHour[slot],
    );
  }

  /** Milliseconds after local midnight, on a whole second. */
  drawTimeOfDay(random: Random): number {
    return this.slots.draw(random) * HALF_HOUR_MS + random.int(0, 1799) * 1000;
  }
}

const hourly = (weights: readonly number[]) => weights.flatMap((weight) => [weight, weight]);

/** Half hours 7:30–11:30 and 13:30–17:00 with the given weights, closed otherwise. */
function officeHours(morning: readonly number[], afternoon: readonly number[]): number[] {
  const weights = new Array<number>(48).fill(0);
  morning.forEach((weight, i) => (weights[15 + i] = weight));
  afternoon.forEach((weight, i) => (weights[27 + i] = weight));
  return weights;
}

/** The one-stop desk (bộ phận một cửa): busiest mid-morning, closed over lunch. */
export const DESK_HOURS = new DayProfile(
  officeHours([0.5, 0.9, 1, 1, 1, 0.9, 0.8, 0.5], [0.5, 0.8, 0.85, 0.8, 0.7, 0.55, 0.35]),
);

/** Officials' own work (pausing, resolving, apologising): evenly through office hours. */
export const OFFICE_HOURS = new DayProfile(officeHours(new Array(8).fill(1), new Array(7).fill(1)));

/** Online submissions on a working day: office-hour peaks, a lunch dip, a tail into the evening. */
export const ONLINE_WORKING_DAY = new DayProfile(
  hourly([
    0.06, 0.03, 0.02, 0.02, 0.03, 0.08, 0.25, 0.6, 1, 1, 1, 0.8, 0.45, 0.6, 1, 1, 0.9, 0.7, 0.45,
    0.5, 0.55, 0.45, 0.25, 0.12,
  ]),
);

/** Online submissions on a weekend or holiday: later mornings, flatter, a little evening bump. */
export const ONLINE_DAY_OFF = new DayProfile(
  hourly([
    0.08, 0.04, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.6, 0.75, 0.8, 0.7, 0.5, 0.45, 0.55, 0.6, 0.6,
    0.55, 0.5, 0.6, 0.65, 0.55, 0.3, 0.15,
  ]),
);
