import {
  parseClientConfig,
  type DailySeries,
  type LateAgencies,
  type MetricsSummary,
  type Ranking,
  type RankingLevel,
  type Unit,
  type WindowName,
} from '@ioc/domain/browser';
import type { HttpClient } from './http';

export interface LoginResult {
  accessToken: string;
  role: 'admin' | 'leader' | 'district_chief' | 'wall';
  unitCode: string | null;
}

export type UnitRow = Unit;

/** Typed fetchers for the read API (SPEC §5); `scope` omitted means the caller's own unit. */
export function createReadApi(http: HttpClient) {
  return {
    login: (username: string, password: string) =>
      http.post<LoginResult>('/auth/login', { username, password }),
    summary: (window: WindowName, scope?: string) =>
      http.get<MetricsSummary>('/metrics/summary', { window, scope }),
    ranking: (window: WindowName, level: RankingLevel = 'district', scope?: string) =>
      http.get<Ranking>('/rankings', { window, level, scope }),
    lateAgencies: (window: WindowName, scope?: string) =>
      http.get<LateAgencies>('/alerts/late-agencies', { window, scope }),
    daily: (days: number, scope?: string) =>
      http.get<DailySeries>('/metrics/daily', { days, scope }),
    units: () => http.get<{ rows: UnitRow[] }>('/directory/units'),
    /** Public: the display zone, checked, since every day on screen depends on it. */
    clientConfig: () => http.get<unknown>('/client-config').then(parseClientConfig),
  };
}

export type ReadApi = ReturnType<typeof createReadApi>;
