import { previousWindow } from '@ioc/domain/browser';

/** `[from, to)` as the read API takes and gives it (ISO-8601). */
export interface Period {
  from: string;
  to: string;
}

/** A live window grows; its comparison is read again once it has grown this much longer. */
const REGROWTH_SHARE = 0.02;
const MIN_REGROWTH_MS = 60_000;

/**
 * The window of the same length just before `[from, to)`, for "against the previous period": the
 * domain's rule, the one behind every ranking's `previousRank`.
 */
export function previousWindowParams(from: string, to: string): Period {
  const before = previousWindow({ from: Date.parse(from), to: Date.parse(to) });
  return { from: new Date(before.from).toISOString(), to: new Date(before.to).toISOString() };
}

/**
 * Whether a previous period read earlier still compares fairly with `current`: it ends where
 * `current` begins, and `current` has not grown more than 2 % (at least a minute) longer since.
 * A wall then reads the previous period rarely, not with every live update.
 */
export function previousStillFits(previous: Period, current: Period): boolean {
  const start = Date.parse(current.from);
  if (Date.parse(previous.to) !== start) return false;
  const heldLength = Date.parse(previous.to) - Date.parse(previous.from);
  const grown = Date.parse(current.to) - start - heldLength;
  return grown <= Math.max(MIN_REGROWTH_MS, heldLength * REGROWTH_SHARE);
}
