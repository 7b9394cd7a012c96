import type { DossierStatus } from '../contracts/api';
import { daysBetween, LocalClock } from '../time/local-date';
import type { DossierState } from './dossier-state';
import { anyContains, rangeContains } from './time-range';

/** Where a dossier in progress stands at an instant (SPEC §4, "in progress"). */
export interface StatusAt {
  status: DossierStatus;
  /** The due date in force at the instant: every pause that ended before it has moved it on. */
  dueAt: number;
  /** Local calendar days from the due day to the day of the instant when overdue, else 0. */
  overdueDays: number;
}

/** The due date in force at an instant: the last one that took effect before it. */
export function dueAtInForce(state: DossierState, instant: number): number | null {
  let dueAt: number | null = null;
  for (const step of state.dueSteps) if (step.from < instant) dueAt = step.dueAt;
  return dueAt;
}

/**
 * A dossier's status at an instant, or null when it is not in progress then (not yet received,
 * or resolved or withdrawn before it). A paused dossier is neither overdue nor due soon; an
 * overdue one is past its due date; a due-soon one is due on the local day of the instant or the
 * next working day (the ranges `deriveDossierState` built). The read side's SQL mirrors this:
 * apps/api/src/metrics/dossier-status.repository.ts.
 */
export function dossierStatusAt(
  state: DossierState,
  instant: number,
  clock: LocalClock,
): StatusAt | null {
  if (!state.open || !rangeContains(state.open, instant)) return null;
  // In progress means received before the instant, so a due date has taken effect.
  const dueAt = dueAtInForce(state, instant)!;
  const status: DossierStatus = anyContains(state.paused, instant)
    ? 'paused'
    : anyContains(state.overdue, instant)
      ? 'overdue'
      : anyContains(state.dueSoon, instant)
        ? 'dueSoon'
        : 'inProgress';
  const overdueDays =
    status === 'overdue' ? daysBetween(clock.dateOf(dueAt), clock.dateOf(instant)) : 0;
  return { status, dueAt, overdueDays };
}
