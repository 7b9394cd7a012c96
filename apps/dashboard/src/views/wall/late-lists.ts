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

/**
 * The overdue list as pages of `perPage` rows, worst first: the critical agencies head every
 * page, never paged out of sight, and the warnings page through the room left below them. Only
 * when the critical ones alone fill a page do they page too, still worst first.
 */
export function overduePages(rows: readonly LateAgencyRow[], perPage: number): LateAgencyRow[][] {
  const size = Math.max(1, perPage);
  if (rows.length <= size) return [[...rows]];
  const critical = rows.filter((row) => row.severity === 'critical');
  const chunks = (list: readonly LateAgencyRow[], length: number) =>
    Array.from({ length: Math.ceil(list.length / length) }, (_, page) =>
      list.slice(page * length, (page + 1) * length),
    );
  if (critical.length >= size) return chunks(rows, size);
  const warnings = rows.filter((row) => row.severity !== 'critical');
  return chunks(warnings, size - critical.length).map((page) => [...critical, ...page]);
}
