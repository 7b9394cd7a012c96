/** A builder of figures for specs: what is given, and zero everywhere else. */
import type { Counters } from '../metrics/counters';
import { emptyFigures, GroupFigures, InProgressAt, StaffingAt } from '../metrics/figures';

export function groupFigures(
  counters: Partial<Counters> = {},
  parts: {
    feeDossiersPaidByTo?: number;
    inProgress?: Partial<InProgressAt>;
    staffing?: Partial<StaffingAt>;
  } = {},
): GroupFigures {
  const empty = emptyFigures();
  return {
    counters: { ...empty.counters, ...counters },
    feeDossiersPaidByTo: parts.feeDossiersPaidByTo ?? 0,
    inProgress: { ...empty.inProgress, ...parts.inProgress },
    staffing: { ...empty.staffing, ...parts.staffing },
  };
}
