import type { MetricsSummary } from '@ioc/domain/browser';

/**
 * How fresh the wall's data is: how long ago the figures on screen were true, which is how long
 * ago they arrived plus how far they lagged behind the events when they were computed (a
 * projection held up shows as lag while the link stays up). The gateway pushes an update at
 * least every 10 s even when nothing changes (LIVE_HEARTBEAT_MS), and the REST fallback polls
 * every 5 s, so:
 * - `live`: the link is up and the last data came less than 15 s ago (one heartbeat + slack);
 * - `stale` (amber): the link is down, or no data for 15 s (a heartbeat missed);
 * - `cut` (red): the link has been down for 30 s, or no data for 45 s.
 * The last data stays on screen in every state.
 */
export type Freshness = 'waiting' | 'live' | 'stale' | 'cut';

export const STALE_AFTER_MS = 15_000;
export const CUT_AFTER_MS = 45_000;
export const CUT_AFTER_DOWN_MS = 30_000;

export interface LinkHealth {
  /** Client clock time the last data received is true to, whatever its source (`trueAt`). */
  lastDataAt: number | null;
  /** Since when the link (socket and REST alike) has been down; null while it is up. */
  downSince: number | null;
}

/**
 * The client clock time a summary received at `receivedAt` is true to: the lag of its figures
 * (`computedAt − asOf`, both the server's clock) taken off, so clocks need not agree.
 */
export function trueAt(
  summary: Pick<MetricsSummary, 'asOf' | 'computedAt'>,
  receivedAt: number,
): number {
  return receivedAt - Math.max(0, Date.parse(summary.computedAt) - Date.parse(summary.asOf));
}

export function freshnessAt(now: number, { lastDataAt, downSince }: LinkHealth): Freshness {
  if (downSince !== null && now - downSince >= CUT_AFTER_DOWN_MS) return 'cut';
  if (lastDataAt === null) return downSince === null ? 'waiting' : 'stale';
  const age = now - lastDataAt;
  if (age >= CUT_AFTER_MS) return 'cut';
  if (downSince !== null || age >= STALE_AFTER_MS) return 'stale';
  return 'live';
}
