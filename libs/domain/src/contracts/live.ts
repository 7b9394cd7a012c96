import type { LateAgencies, MetricsSummary, Ranking, RankingRow } from './api';
import type { WindowName } from '../metrics/windows';

/** socket.io namespace of the live stream (SPEC §5). */
export const LIVE_NAMESPACE = '/live';

export interface SubscribeRequest {
  /** A unit code; default the caller's own unit, or the province. */
  scope?: string;
  /**
   * One agency's figures instead of a unit's (an agency head's workspace: their own agency, the
   * default for them). The snapshot's `scope` is then the agency's unit, `summary.agency` the agency.
   */
  agency?: string;
  window: WindowName;
}

/** What a ranking row shows on a screen: rank and movement, the score and its components. */
export const LIVE_RANKING_FIELDS = [
  'rank',
  'previousRank',
  'previousScore',
  'code',
  'name',
  'score',
  'lowSample',
  /** A low-sample row names how many dossiers it has. */
  'received',
  'components',
] as const satisfies readonly (keyof RankingRow)[];

export type LiveRankingRow = Pick<RankingRow, (typeof LIVE_RANKING_FIELDS)[number]>;

/**
 * A ranking as the live stream carries it: the rows cut to what screens show (REST's rows hold
 * more), and nothing that moves with the clock alone (`to`, `previousFrom`, the medians of
 * `reference`), so it changes only when a row does. It is true to the snapshot's `asOf`.
 */
export interface LiveRanking {
  level: Ranking['level'];
  kind: string | null;
  from: string;
  rows: LiveRankingRow[];
}

/** The live stream's form of a ranking (SPEC §5): one rule for the server and for tests. */
export function liveRankingOf(ranking: Ranking): LiveRanking {
  return {
    level: ranking.level,
    kind: ranking.kind,
    from: ranking.from,
    rows: ranking.rows.map(
      (row) =>
        Object.fromEntries(
          LIVE_RANKING_FIELDS.map((field) => [field, row[field]]),
        ) as LiveRankingRow,
    ),
  };
}

/**
 * What a subscribed screen holds of a room, whole: the answer to `subscribe` is one. `seq` rises
 * by one with every update of the room; `rankingSeq` by one each time its ranking changes.
 */
export interface LiveSnapshot {
  seq: number;
  scope: string;
  window: WindowName;
  asOf: string;
  summary: MetricsSummary;
  rankingSeq: number;
  ranking: LiveRanking;
  lateAgencies: LateAgencies;
}

/**
 * An `update`: a snapshot whose `ranking` is `null` when it is still the one of `rankingSeq`,
 * which the client already holds (the ranking of 168 communes weighs far more than the rest and
 * changes less often). A client that missed a `seq` asks again, and the answer is whole.
 */
export interface LiveUpdate extends Omit<LiveSnapshot, 'ranking'> {
  ranking: LiveRanking | null;
}

/**
 * The snapshot an update makes of the one held: the update's ranking, or the held one if it is
 * the same ranking (`rankingSeq`). Undefined when the update cannot be applied (the client must
 * ask again): another room or window, or `seq` not following on.
 */
export function applyLiveUpdate(held: LiveSnapshot, update: LiveUpdate): LiveSnapshot | undefined {
  if (update.scope !== held.scope || update.window !== held.window) return undefined;
  if (update.seq !== held.seq + 1) return undefined;
  if (update.ranking) return { ...update, ranking: update.ranking };
  if (update.rankingSeq !== held.rankingSeq) return undefined;
  return { ...update, ranking: held.ranking };
}

export interface LiveError {
  error: string;
  /** 400 for a bad request, 403 for a scope outside the caller's unit. */
  status: 400 | 403;
}

/**
 * The server withdrew access: the whole connection (401: a revoked token, a disabled account;
 * the server then disconnects) or one subscription (403: a new role or unit no longer covers it).
 */
export interface LiveAccessWithdrawn {
  status: 401 | 403;
  error: string;
  /** The subscription withdrawn (403 only). */
  subscription?: { scope: string; window: WindowName };
}

export interface ServerToClientEvents {
  update: (update: LiveUpdate) => void;
  withdrawn: (notice: LiveAccessWithdrawn) => void;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (response: LiveSnapshot | LiveError) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack?: (response: { ok: true }) => void) => void;
}

export function isLiveError(response: LiveSnapshot | LiveError): response is LiveError {
  return 'error' in response;
}
