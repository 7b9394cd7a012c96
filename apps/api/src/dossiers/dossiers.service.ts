import {
  DerivationContext,
  DossierDetail,
  DossierEvent,
  dossierDetailOf,
  DossierPage,
  DossierRow,
  DossierSort,
  deriveDossierState,
  ProcedureLoads,
  rate,
  TimeWindow,
} from '@ioc/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import {
  DossierFilter,
  DossierListCriteria,
  DossierStatusRepository,
} from '../metrics/dossier-status.repository';
import { MetricsService } from '../metrics/metrics.service';
import { ResolvedScope, Scopes } from '../metrics/scopes';
import { DossierProjection } from '../projection/dossier-projection';
import { DossiersRepository } from './dossiers.repository';

export interface DossierListQuery {
  scope?: string;
  agency?: string;
  status: DossierFilter;
  page: number;
  pageSize: number;
  /** The instant to list at (ISO-8601 with offset); default now. */
  to?: string;
  /** Due on this local day (YYYY-MM-DD). */
  dueOn?: string;
  /** Dossier code prefix. */
  q?: string;
  sort?: DossierSort[];
}

/** The dossiers in progress in a caller's scope (hồ sơ đang giải quyết), most urgent first. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly statuses: DossierStatusRepository,
    private readonly scopes: Scopes,
    private readonly metrics: MetricsService,
    private readonly calendar: CalendarService,
    private readonly repository: DossiersRepository,
    private readonly projection: DossierProjection,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: DossierListQuery): Promise<DossierPage> {
    const { slice, criteria } = this.criteria(principal, query);
    criteria.horizon = await this.metrics.latestEventDerived();
    const { total, rows } = await this.statuses.page(slice, criteria, query.page, query.pageSize);
    return { total, page: query.page, pageSize: query.pageSize, rows };
  }

  /** Every row of the list (not one page), in batches, and the scope it was checked against. */
  async all(
    principal: Principal,
    query: DossierListQuery,
  ): Promise<{ scope: ResolvedScope; rows: AsyncIterable<DossierRow[]> }> {
    const { scope, slice, criteria } = this.criteria(principal, query);
    criteria.horizon = await this.metrics.latestEventDerived();
    return { scope, rows: this.statuses.all(slice, criteria) };
  }

  /**
   * A scope's dossiers by procedure: in progress at the window's end (overdue, due soon,
   * paused) and resolved in the window, with their on-time rate; counted in SQL, all of them.
   */
  async byProcedure(
    principal: Principal,
    query: { scope?: string; agency?: string },
    window: TimeWindow,
  ): Promise<{ scope: ResolvedScope; loads: ProcedureLoads }> {
    const scope = this.scopes.resolve(principal, query.scope, query.agency);
    const inProgress: DossierListCriteria = {
      filter: 'inProgress',
      instant: window.to,
      zone: this.calendar.clock.zone,
      horizon: await this.metrics.latestEventDerived(),
    };
    const rows = await this.repository.procedureLoads(scope.slice, inProgress, window);
    const loads: ProcedureLoads = {
      scope: scope.scope,
      agency: scope.agency,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      rows: rows.map((row) => ({ ...row, onTimeRate: rate(row.resolvedOnTime, row.resolved) })),
    };
    return { scope, loads };
  }

  /**
   * One dossier derived from its events as the projection derives it, at now; 404 when it is
   * unknown or outside the caller's scope (which must not tell that it exists).
   */
  async detail(principal: Principal, dossierId: string): Promise<DossierDetail> {
    const events = await this.repository.eventsOf(dossierId);
    const context = this.projection.context();
    const detail = this.detailOf(dossierId, events, context);
    if (!detail || !this.access.mayReadDossier(principal, detail)) {
      throw new NotFoundException(`No dossier "${dossierId}"`);
    }
    return detail;
  }

  /**
   * Null when there is nothing to show: no receipt, or a dossier the projection set aside (its
   * events cannot be derived; admins see why at GET /admin/set-aside).
   */
  private detailOf(
    dossierId: string,
    events: DossierEvent[],
    context: DerivationContext,
  ): DossierDetail | null {
    try {
      const state = deriveDossierState(dossierId, events, context);
      return dossierDetailOf(state, events, this.clock.now(), context);
    } catch {
      return null;
    }
  }

  private criteria(principal: Principal, query: DossierListQuery) {
    const scope = this.scopes.resolve(principal, query.scope, query.agency);
    const criteria: DossierListCriteria = {
      filter: query.status,
      instant: this.metrics.instant(query.to),
      zone: this.calendar.clock.zone,
      dueOn: query.dueOn,
      codePrefix: query.q,
      sort: query.sort,
    };
    return { scope, slice: scope.slice, criteria };
  }
}
