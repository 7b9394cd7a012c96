/**
 * A downloadable table (SPEC §5, `format=csv|xlsx`): its columns with Vietnamese headers and a
 * type each, which decides how a value is written (a date as a date, a rate as a percentage).
 * Lists, rankings, late agencies and the weekly briefing describe their tables with it.
 */
export type ColumnType =
  /** Any text. */
  | 'text'
  /** A local calendar day (`YYYY-MM-DD`). */
  | 'date'
  /** An instant (epoch ms or ISO-8601), shown at local time. */
  | 'datetime'
  | 'integer'
  /** A number with two decimals (a score). */
  | 'decimal'
  /** A rate from 0 to 1; null is "no data" (an empty cell). */
  | 'percent'
  /** An amount in VND. */
  | 'vnd';

export type CellValue = string | number | null;

export interface ColumnSpec<Row> {
  /** The header, in Vietnamese (with diacritics). */
  header: string;
  type: ColumnType;
  /** Width in characters in the XLSX (a default per type otherwise). */
  width?: number;
  value: (row: Row) => CellValue;
}

export interface TableSpec<Row> {
  /** The sheet's name (at most 31 characters, Excel's limit). */
  sheet: string;
  columns: readonly ColumnSpec<Row>[];
}

/** A download: the table, its rows in batches (so any number is never held at once), its name. */
export interface TableDownload<Row> {
  spec: TableSpec<Row>;
  rows: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;
  /** Without extension; ASCII (it names the scope and the date). */
  fileName: string;
}

export const DEFAULT_WIDTHS: Record<ColumnType, number> = {
  text: 18,
  date: 12,
  datetime: 17,
  integer: 10,
  decimal: 10,
  percent: 10,
  vnd: 16,
};
