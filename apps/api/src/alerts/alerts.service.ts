import {
  Agency,
  isLateAgency,
  LateAgencies,
  lateAgencyOrder,
  LateAgencyRow,
  lateAgencySeverity,
  rate,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { Window } from '../metrics/metrics.repository';
import { GroupFigures, MetricsService } from '../metrics/metrics.service';

/** Late-running agencies (SPEC §4): overdue dossiers now, or an on-time rate under target. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly directory: DirectoryService,
    private readonly config: AppConfig,
  ) {}

  /** The agencies of a unit's subtree, each judged on all of its dossiers, worst first. */
  async lateAgencies(scope: string, window: Window): Promise<LateAgencies> {
    const agencies = this.agenciesWithin(scope);
    const all = scope === this.directory.current.province?.code;
    const figures = await this.metrics.figures(
      { by: 'agency', grouped: true, agencies: all ? undefined : agencies.map((a) => a.code) },
      window,
    );
    return this.lateAgenciesOf(scope, window, figures);
  }

  /** The same, from figures per agency already at hand (the live stream's). */
  lateAgenciesOf(scope: string, window: Window, byAgency: Map<string, GroupFigures>): LateAgencies {
    const settings = this.config.metricSettings;
    const rows: LateAgencyRow[] = [];
    for (const agency of this.agenciesWithin(scope)) {
      const group = byAgency.get(agency.code);
      if (!group) continue;
      const { overdue, oldestOverdueDays } = group.inProgress;
      const resolved = group.counters.resolved;
      const onTimeRate = rate(group.counters.resolved_on_time, resolved);
      if (!isLateAgency(overdue, onTimeRate, resolved, settings)) continue;
      rows.push({
        agencyCode: agency.code,
        name: agency.name,
        unitCode: agency.unitCode,
        overdue,
        oldestOverdueDays,
        onTimeRate,
        resolved,
        severity: lateAgencySeverity(overdue, oldestOverdueDays, settings),
      });
    }
    return {
      scope,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      rows: rows.sort(lateAgencyOrder),
    };
  }

  private agenciesWithin(scope: string): Agency[] {
    const snapshot = this.directory.current;
    const units = new Set(snapshot.subtree(scope));
    return [...snapshot.agencies.values()].filter((a) => units.has(a.unitCode));
  }
}
