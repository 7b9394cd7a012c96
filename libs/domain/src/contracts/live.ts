import type { LateAgencies, MetricsSummary, Ranking } from './api';
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

/** What a subscribed screen holds; every `update` is a whole snapshot, `seq` rising by one. */
export interface LiveSnapshot {
  seq: number;
  scope: string;
  window: WindowName;
  asOf: string;
  summary: MetricsSummary;
  ranking: Ranking;
  lateAgencies: LateAgencies;
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
  update: (snapshot: LiveSnapshot) => void;
  withdrawn: (notice: LiveAccessWithdrawn) => void;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (response: LiveSnapshot | LiveError) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack?: (response: { ok: true }) => void) => void;
}

export function isLiveError(response: LiveSnapshot | LiveError): response is LiveError {
  return 'error' in response;
}
