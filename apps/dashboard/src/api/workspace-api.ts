import type {
  DossierDetail,
  DossierPage,
  NextWorkingDay,
  MetricsSummary,
  ProcedureLoads,
  Ranking,
  RankingLevel,
  WindowName,
} from '@ioc/domain/browser';
import type { HttpClient, QueryValue } from './http';

export type AgencyKind = 'department' | 'district_committee' | 'commune_committee' | 'vertical';

export interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  unitCode: string;
}

export interface ProcedureRow {
  code: string;
  name: string;
  field: string;
  processingDays: number;
  onlineLevel: 'full' | 'partial' | 'none';
  feeVnd: number;
}

/** A window as the API takes it: a named one, or `from` / `to` instants (ISO-8601). */
export interface WindowParams {
  window?: WindowName;
  from?: string;
  to?: string;
}

/** The figures of a unit (`scope`) or of one agency. */
export interface SummaryParams extends WindowParams {
  scope?: string;
  agency?: string;
}

export interface RankingParams extends WindowParams {
  level: RankingLevel;
  kind?: string;
  scope?: string;
}

export interface DossierListParams {
  scope?: string;
  agency?: string;
  status?: string;
  dueOn?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

/** The lists that download as files (SPEC §5 `format=`). */
export type ExportPath =
  '/dossiers' | '/dossiers/by-procedure' | '/rankings' | '/alerts/late-agencies';
export type ExportFormat = 'xlsx' | 'csv';

const query = (params: object) => params as Record<string, QueryValue>;

/** Typed fetchers for the laptop workspace (SPEC §5): figures, rankings, dossiers, downloads. */
export function createWorkspaceApi(http: HttpClient) {
  return {
    agencies: () => http.get<{ rows: AgencyRow[] }>('/directory/agencies'),
    procedures: () => http.get<{ rows: ProcedureRow[] }>('/directory/procedures'),
    summary: (params: SummaryParams) => http.get<MetricsSummary>('/metrics/summary', query(params)),
    ranking: (params: RankingParams) => http.get<Ranking>('/rankings', query(params)),
    dossiers: (params: DossierListParams) => http.get<DossierPage>('/dossiers', query(params)),
    /** A unit's or an agency's dossiers by procedure over a window. */
    byProcedure: (params: SummaryParams) =>
      http.get<ProcedureLoads>('/dossiers/by-procedure', query(params)),
    dossier: (dossierId: string) =>
      http.get<DossierDetail>(`/dossiers/${encodeURIComponent(dossierId)}`),
    /** Today (local) and the working day after it: "due tomorrow". */
    nextWorkingDay: () => http.get<NextWorkingDay>('/calendar/next-working-day'),
    /** Every row of a list as a file, with the same filters as on screen. */
    exportFile: (path: ExportPath, format: ExportFormat, params: object) =>
      http.download(path, { ...query(params), format, page: undefined, pageSize: undefined }),
  };
}

export type WorkspaceApi = ReturnType<typeof createWorkspaceApi>;
