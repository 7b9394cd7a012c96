import type { RouteLocationRaw } from 'vue-router';

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: string;
  direction: SortDirection;
}

/** A cell's value for sorting: numbers, text, or null (no data: always last). */
export type SortValue = number | string | null;

/**
 * Rows in the order of one column, stable, "no data" last whichever the direction; text in
 * Vietnamese alphabetical order (Đ after D).
 */
export function sortRows<Row>(
  rows: readonly Row[],
  valueOf: (row: Row) => SortValue,
  direction: SortDirection,
): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), 'vi');
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}

/** Clicking a column sorts by it; clicking it again turns the order round. */
export function nextSort(
  current: SortState,
  key: string,
  firstDirection: SortDirection,
): SortState {
  if (current.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { key, direction: firstDirection };
}

/** A column of a SortableTable. */
export interface Column<R> {
  key: string;
  label: string;
  /** Figures are right-aligned and sorted biggest first on the first click. */
  numeric?: boolean;
  value: (row: R) => SortValue;
  text: (row: R) => string;
  /** A link in the cell (a unit's or an agency's page). */
  to?: (row: R) => RouteLocationRaw | null;
  /** Sorted smallest first on the first click (ranks). */
  ascendingFirst?: boolean;
}
