import { Agency, GroupFigures, LateAgencies, lateAgenciesOf, TimeWindow } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { MetricsService } from '../metrics/metrics.service';

/** Late-running agencies (SPEC §4): overdue dossiers now, or an on-time rate under target. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly directory: DirectoryService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The agencies of a unit's subtree (or only `agency`, an agency head's), each judged on all of
   * its dossiers, worst first.
   */
  async lateAgencies(scope: string, window: TimeWindow, agency?: string): Promise<LateAgencies> {
    const agencies = this.agenciesWithin(scope, agency);
    const all = agency === undefined && scope === this.directory.current.province?.code;
    const figures = await this.metrics.figures(
      { by: 'agency', grouped: true, agencies: all ? undefined : agencies.map((a) => a.code) },
      window,
    );
    return this.lateAgenciesOf(scope, window, figures, agency);
  }

  /** The same, from figures per agency already at hand (the live stream's). */
  lateAgenciesOf(
    scope: string,
    window: TimeWindow,
    byAgency: Map<string, GroupFigures>,
    agency?: string,
  ): LateAgencies {
    return lateAgenciesOf(
      scope,
      window,
      this.agenciesWithin(scope, agency),
      byAgency,
      this.config.metricSettings,
    );
  }

  private agenciesWithin(scope: string, agency?: string): Agency[] {
    const snapshot = this.directory.current;
    const units = new Set(snapshot.subtree(scope));
    return [...snapshot.agencies.values()].filter(
      (a) => units.has(a.unitCode) && (agency === undefined || a.code === agency),
    );
  }
}
