import type { DossierPage } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { DossierFilter, DossierStatusRepository } from '../metrics/dossier-status.repository';
import { MetricsService } from '../metrics/metrics.service';
import { Scopes } from '../metrics/scopes';

export interface DossierListQuery {
  scope?: string;
  agency?: string;
  status: DossierFilter;
  page: number;
  pageSize: number;
  /** The instant to list at (ISO-8601 with offset); default now. */
  to?: string;
}

/** The dossiers in progress in a caller's scope (hồ sơ đang giải quyết), most urgent first. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly statuses: DossierStatusRepository,
    private readonly scopes: Scopes,
    private readonly metrics: MetricsService,
    private readonly calendar: CalendarService,
  ) {}

  async list(principal: Principal, query: DossierListQuery): Promise<DossierPage> {
    const { slice } = this.scopes.resolve(principal, query.scope, query.agency);
    const { total, rows } = await this.statuses.page(
      slice,
      query.status,
      this.metrics.instant(query.to),
      this.calendar.clock.zone,
      query.page,
      query.pageSize,
    );
    return { total, page: query.page, pageSize: query.pageSize, rows };
  }
}
