import type { LateAgencies, LateAgencyRow } from '../contracts/api';
import type { Agency } from '../directory/directory';
import type { GroupFigures } from './figures';
import type { MetricSettings } from './metric-settings';
import { isLateAgency, lateAgencyOrder, lateAgencySeverity, rate } from './metrics';
import type { TimeWindow } from './windows';

/**
 * The late-running agencies among `agencies` (SPEC §4), worst first, each judged on its own
 * figures; an agency without figures has nothing late.
 */
export function lateAgenciesOf(
  scope: string,
  window: TimeWindow,
  agencies: readonly Agency[],
  byAgency: ReadonlyMap<string, GroupFigures>,
  settings: MetricSettings,
): LateAgencies {
  const rows: LateAgencyRow[] = [];
  for (const agency of agencies) {
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
