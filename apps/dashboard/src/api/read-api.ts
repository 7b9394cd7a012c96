import {
  parseClientConfig,
  type Briefing,
  type DailySeries,
  type LateAgencies,
  type MetricsSummary,
  type Ranking,
  type Unit,
  type WindowName,
} from '@ioc/domain/browser';
import type { HttpClient } from './http';

export interface LoginResult {
  accessToken: string;
  role: 'admin' | 'leader' | 'district_chief' | 'agency_head' | 'wall';
  unitCode: string | null;
  /** An agency head's agency (absent for every other role). */
  agencyCode?: string | null;
}

export type UnitRow = Unit;

/** Typed fetchers for the read API (SPEC §5); `scope` omitted means the caller's own unit. */
export function createReadApi(http: HttpClient) {
  return {
    login: (username: string, password: string) =>
      http.post<LoginResult>('/auth/login', { username, password }),
    summary: (window: WindowName, scope?: string) =>
      http.get<MetricsSummary>('/metrics/summary', { window, scope }),
    /** The figures of a past period, `[from, to)`: what the live ones are compared with. */
    summaryOver: (period: { from: string; to: string }, scope?: string) =>
      http.get<MetricsSummary>('/metrics/summary', { ...period, scope }),
    /** The units right below `scope` ranked among themselves, as its wall's live snapshot. */
    ownRanking: (window: WindowName, scope?: string) =>
      http.get<Ranking>('/rankings', { window, scope, ranks: 'scope' }),
    lateAgencies: (window: WindowName, scope?: string) =>
      http.get<LateAgencies>('/alerts/late-agencies', { window, scope }),
    daily: (days: number, scope?: string) =>
      http.get<DailySeries>('/metrics/daily', { days, scope }),
    /** The last complete week and the open one, by the server's clock and zone. */
    briefingWeeks: () => http.get<{ lastComplete: string; open: string }>('/briefings'),
    briefing: (week: string, scope?: string) =>
      http.get<Briefing>(`/briefings/${encodeURIComponent(week)}`, { scope }),
    /** The same frozen figures as a file: `pdf` or `xlsx`. */
    briefingFile: (week: string, format: 'pdf' | 'xlsx', scope?: string) =>
      http.download(`/briefings/${encodeURIComponent(week)}`, { scope, format }),
    units: () => http.get<{ rows: UnitRow[] }>('/directory/units'),
    /** Public: the display zone, checked, since every day on screen depends on it. */
    clientConfig: () => http.get<unknown>('/client-config').then(parseClientConfig),
  };
}

export type ReadApi = ReturnType<typeof createReadApi>;
