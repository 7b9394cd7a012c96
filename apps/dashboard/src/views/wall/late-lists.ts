import type { LateAgencyRow } from '@ioc/domain/browser';
import type { UnitRow } from '@/api/read-api';
import { shortUnitName } from '@/charts/unit-names';

/**
 * The flagged agencies as two lists a leader reads differently: what is overdue right now
 * (worst first, as the API sorts: severity, overdue count, oldest) and who resolves too few on
 * time in the window (lowest rate first). An agency in both situations is in both lists.
 */
export function lateLists(
  rows: readonly LateAgencyRow[],
  onTimeTarget: number | undefined,
): { overdue: LateAgencyRow[]; belowTarget: LateAgencyRow[] } {
  return {
    overdue: rows.filter((row) => row.overdue > 0),
    belowTarget:
      onTimeTarget === undefined
        ? []
        : rows
            .filter((row) => row.onTimeRate !== null && row.onTimeRate < onTimeTarget)
            .sort((a, b) => a.onTimeRate! - b.onTimeRate! || b.resolved - a.resolved),
  };
}

/**
 * The unit an agency's name leaves out: a commune committee of a three-tier province is named
 * with its district ("UBND Xã Minh Hưng · H. Chơn Thành"); a two-tier one needs nothing more.
 */
export function parentUnitName(
  unitCode: string,
  unitsByCode: ReadonlyMap<string, UnitRow>,
): string | null {
  const unit = unitsByCode.get(unitCode);
  if (unit?.level !== 'commune' || !unit.parentCode) return null;
  const parent = unitsByCode.get(unit.parentCode);
  return parent && parent.level !== 'province' ? shortUnitName(parent.name) : null;
}
