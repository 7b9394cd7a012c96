import { LocalClock, toEpochDay } from '@ioc/domain';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CellValue, ColumnSpec, ColumnType, DEFAULT_WIDTHS, TableDownload } from './table-spec';

const DAY_MS = 86_400_000;

/** Excel's number formats by column type (shown as Excel's locale writes them: 97,98 %). */
const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.00%',
  vnd: '#,##0" ₫"',
};

const instantOf = (value: string | number) =>
  typeof value === 'number' ? value : Date.parse(value);

/**
 * A cell as the spreadsheet holds it: a local day or time as a Date whose UTC fields are the
 * local ones (Excel's dates have no zone), numbers as numbers, text as text.
 */
function xlsxCell(type: ColumnType, value: CellValue, clock: LocalClock): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date') return new Date(toEpochDay(String(value)) * DAY_MS);
  if (type === 'datetime') {
    const instant = instantOf(value);
    return new Date(toEpochDay(clock.dateOf(instant)) * DAY_MS + clock.timeOfDay(instant));
  }
  return value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell in the CSV: days as `YYYY-MM-DD` and times as `YYYY-MM-DD HH:mm` local (what
 * spreadsheets parse), rates as fractions like the JSON, numbers with a dot.
 */
function csvCell(type: ColumnType, value: CellValue, clock: LocalClock): string {
  if (value === null) return '';
  if (type === 'datetime') {
    const instant = instantOf(value);
    const minutes = Math.floor(clock.timeOfDay(instant) / 60_000);
    return `${clock.dateOf(instant)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  return String(value);
}

/**
 * Waits until the stream takes more (backpressure). Throws once it is destroyed (the client went
 * away), so the rows' reader stops and gives its connection back.
 */
async function drained(stream: Writable, out: Writable = stream): Promise<void> {
  if (stream.writableNeedDrain && !out.destroyed) {
    // The listener of whichever comes second is taken off, so waits never pile listeners up.
    const waited = new AbortController();
    const { signal } = waited;
    try {
      await Promise.race([once(stream, 'drain', { signal }), once(out, 'close', { signal })]);
    } finally {
      waited.abort();
    }
  }
  if (out.destroyed) throw new Error('the download was abandoned');
}

/** CSV, UTF-8 with a byte-order mark so Excel reads the diacritics, one header row. */
export async function writeCsv<Row>(
  download: TableDownload<Row>,
  out: Writable,
  clock: LocalClock,
): Promise<void> {
  const { columns } = download.spec;
  // The mark first, whatever follows (csv-stringify adds its own only before a first record).
  out.write('\uFEFF');
  const csv = stringify({ header: true, columns: columns.map((c) => c.header) });
  csv.pipe(out);
  for await (const batch of download.rows) {
    for (const row of batch) {
      csv.write(columns.map((c) => csvCell(c.type, c.value(row), clock)));
      await drained(csv, out);
    }
  }
  csv.end();
  await once(out, 'finish');
}

/**
 * XLSX written as it goes (exceljs's streaming writer): each row is committed and leaves
 * memory; header bold and frozen, widths and number formats by column type.
 */
export async function writeXlsx<Row>(
  download: TableDownload<Row>,
  out: Writable,
  clock: LocalClock,
): Promise<void> {
  const { spec } = download;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((column: ColumnSpec<Row>, index) => ({
    key: String(index),
    width: column.width ?? Math.max(DEFAULT_WIDTHS[column.type], column.header.length + 2),
    style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
  }));
  const header = sheet.addRow(spec.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for await (const batch of download.rows) {
    for (const row of batch) {
      sheet
        .addRow(spec.columns.map((column) => xlsxCell(column.type, column.value(row), clock)))
        .commit();
    }
    // The client reads slower than the database answers: wait rather than pile the file up.
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
