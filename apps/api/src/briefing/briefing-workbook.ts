import {
  Briefing,
  BriefingFormRow,
  BriefingTargetName,
  LateAgencyRow,
  LocalClock,
  MetricsSummary,
  Rate,
  RankingRow,
  Severity,
  toEpochDay,
} from '@ioc/domain';
import ExcelJS from 'exceljs';

/** Excel's number formats (Excel writes them in the reader's locale: 97,98 %, 1.234). */
const INTEGER = '#,##0';
const DECIMAL = '#,##0.00';
const PERCENT = '0.00%';
const DATE = 'dd/mm/yyyy';
const DATETIME = 'dd/mm/yyyy hh:mm';
const DAY_MS = 86_400_000;
const BOLD = { bold: true };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const TARGET_VI: Record<BriefingTargetName, string> = {
  onTime: 'Tỉ lệ giải quyết đúng hạn',
  satisfaction: 'Tỉ lệ hài lòng',
  online: 'Tỉ lệ tiếp nhận trực tuyến',
  apology: 'Tỉ lệ hồ sơ trễ hạn có thư xin lỗi',
};
const SEVERITY_VI: Record<Severity, string> = { critical: 'Nghiêm trọng', warning: 'Cảnh báo' };

/** A cell's value: a number, a text, or empty ("no data" is an empty cell, never 0). */
type Value = number | string | null;

/** A local instant as Excel holds one: a date whose UTC fields are the local ones (no zone). */
function localDate(instant: number, clock: LocalClock): Date {
  return new Date(toEpochDay(clock.dateOf(instant)) * DAY_MS + clock.timeOfDay(instant));
}

/** A formula with its result cached, so a reader that does not compute still shows the figure. */
const formula = (text: string, result: number | null): ExcelJS.CellFormulaValue => ({
  formula: text,
  result: result ?? undefined,
});

/**
 * The briefing as an XLSX workbook, every figure the one the screen shows (the same frozen
 * answer): Tóm tắt (this week, the week before, the change), Xếp hạng, Cơ quan and the national
 * form Biểu II.06a with its printed headers. Counts and rates are numbers; sums are formulas.
 */
export async function briefingWorkbook(briefing: Briefing, clock: LocalClock): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IOC — cải cách hành chính';
  workbook.created = briefing.frozenAt ? new Date(briefing.frozenAt) : new Date(briefing.to);
  summarySheet(workbook, briefing, clock);
  rankingSheet(workbook, briefing.ranking.rows);
  agenciesSheet(workbook, briefing.lateAgencies.rows);
  formSheet(workbook, briefing, clock);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The week, its dates and whether its figures are frozen: above every sheet's table. */
function heading(sheet: ExcelJS.Worksheet, title: string, briefing: Briefing, clock: LocalClock) {
  const from = Date.parse(briefing.from);
  const lastDay = Date.parse(briefing.to) - 1;
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([`Đơn vị: ${briefing.scopeName} (${briefing.scope})`]);
  const period = sheet.addRow([
    `Tuần ${briefing.week}, từ ngày`,
    localDate(from, clock),
    'đến ngày',
    localDate(lastDay, clock),
  ]);
  period.getCell(2).numFmt = DATE;
  period.getCell(4).numFmt = DATE;
  const frozen = sheet.addRow(
    briefing.frozenAt
      ? [
          'Số liệu chốt lúc',
          localDate(Date.parse(briefing.frozenAt), clock),
          'Mã kiểm tra',
          briefing.checksum,
        ]
      : ['Số liệu tạm tính: tuần chưa kết thúc', null, 'Mã kiểm tra', briefing.checksum],
  );
  frozen.getCell(2).numFmt = DATETIME;
  sheet.addRow([]);
}

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): ExcelJS.Row {
  const row = sheet.addRow(headers);
  row.font = BOLD;
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => (cell.border = THIN));
  return row;
}

const SUMMARY_ROWS: { label: string; format: string; value: (s: MetricsSummary) => Value }[] = [
  { label: 'Hồ sơ tiếp nhận', format: INTEGER, value: (s) => s.received.total },
  { label: '  trực tuyến', format: INTEGER, value: (s) => s.received.online },
  { label: '  trực tiếp', format: INTEGER, value: (s) => s.received.direct },
  { label: '  qua bưu chính', format: INTEGER, value: (s) => s.received.postal },
  { label: 'Hồ sơ kỳ trước chuyển sang', format: INTEGER, value: (s) => s.carriedOver },
  { label: 'Hồ sơ đã giải quyết', format: INTEGER, value: (s) => s.resolved.total },
  { label: '  đúng hạn (kể cả trước hạn)', format: INTEGER, value: (s) => s.resolved.onTime },
  { label: '  trước hạn', format: INTEGER, value: (s) => s.resolved.early },
  { label: '  trễ hạn', format: INTEGER, value: (s) => s.resolved.late },
  { label: 'Hồ sơ đang giải quyết (cuối kỳ)', format: INTEGER, value: (s) => s.inProgress.total },
  { label: '  quá hạn', format: INTEGER, value: (s) => s.inProgress.overdue },
  { label: '  tạm dừng', format: INTEGER, value: (s) => s.inProgress.paused },
  { label: 'Tỉ lệ đúng hạn', format: PERCENT, value: (s) => s.rates.onTime },
  { label: 'Tỉ lệ tiến độ', format: PERCENT, value: (s) => s.rates.progress },
  { label: 'Tỉ lệ trực tuyến', format: PERCENT, value: (s) => s.rates.online },
  { label: 'Tỉ lệ số hoá hồ sơ', format: PERCENT, value: (s) => s.rates.digitization },
  { label: 'Tỉ lệ số hoá kết quả', format: PERCENT, value: (s) => s.rates.resultDigitization },
  { label: 'Tỉ lệ thanh toán trực tuyến', format: PERCENT, value: (s) => s.rates.onlinePayment },
  { label: 'Tỉ lệ hài lòng', format: PERCENT, value: (s) => s.rates.satisfaction },
  { label: 'Tỉ lệ trễ hạn có thư xin lỗi', format: PERCENT, value: (s) => s.rates.apology },
  {
    label: 'Thanh toán trực tuyến thành công',
    format: INTEGER,
    value: (s) => s.payments.succeeded,
  },
  { label: 'Số tiền thanh toán (đồng)', format: INTEGER, value: (s) => s.payments.amountVnd },
  { label: 'Điểm (trên 100)', format: DECIMAL, value: (s) => s.score },
];

/** This week, the week before and the change (a formula): counts, rates, score, working days. */
function summarySheet(workbook: ExcelJS.Workbook, briefing: Briefing, clock: LocalClock) {
  const sheet = workbook.addWorksheet('Tóm tắt');
  sheet.columns = [{ width: 38 }, { width: 16 }, { width: 16 }, { width: 16 }];
  heading(sheet, 'BÁO CÁO TUẦN — CẢI CÁCH HÀNH CHÍNH', briefing, clock);
  headerRow(sheet, [
    'Chỉ tiêu',
    `Tuần ${briefing.week}`,
    `Tuần ${briefing.previousWeek}`,
    'Thay đổi',
  ]);
  const rows = [
    ...SUMMARY_ROWS.map(({ label, format, value }) => ({
      label,
      format,
      current: value(briefing.current),
      previous: value(briefing.previous),
    })),
    {
      label: 'Số ngày làm việc',
      format: INTEGER,
      current: briefing.workingDays.current,
      previous: briefing.workingDays.previous,
    },
  ];
  for (const { label, format, current, previous } of rows) {
    const row = sheet.addRow([label, current, previous]);
    const index = row.number;
    const change =
      typeof current === 'number' && typeof previous === 'number' ? current - previous : null;
    // A change needs both weeks' figures: "no data" on either side leaves it empty.
    if (change !== null) row.getCell(4).value = formula(`B${index}-C${index}`, change);
    for (const column of [2, 3, 4]) row.getCell(column).numFmt = format;
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
  }
  const calendarNote = (label: string, calendar: Briefing['calendar']['current']) =>
    calendar.kind === 'normal' && calendar.makeUpDays.length === 0
      ? null
      : `${label}: ${[...calendar.daysOff, ...calendar.makeUpDays].map((day) => `${day.date} ${day.reason}`).join('; ')}`;
  for (const note of [
    calendarNote(`Tuần ${briefing.week}`, briefing.calendar.current),
    calendarNote(`Tuần ${briefing.previousWeek}`, briefing.calendar.previous),
  ]) {
    if (note) sheet.addRow([note]).font = { italic: true };
  }
  sheet.addRow([]);
  headerRow(sheet, ['Mục tiêu', 'Chỉ tiêu', 'Đạt được', 'Kết quả']);
  for (const target of briefing.targets) {
    const row = sheet.addRow([
      TARGET_VI[target.name],
      target.target,
      target.value,
      target.met === null ? 'Chưa có số liệu' : target.met ? 'Đạt' : 'Không đạt',
    ]);
    row.getCell(2).numFmt = PERCENT;
    row.getCell(3).numFmt = PERCENT;
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
  }
}

/** One column of a plain table: its header, width, number format and value. */
interface Column<Row> {
  header: string;
  width: number;
  format?: string;
  value: (row: Row) => Value;
}

function tableSheet<Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column<Row>[],
  rows: readonly Row[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: column.format ? { numFmt: column.format } : {},
  }));
  headerRow(
    sheet,
    columns.map((column) => column.header),
  );
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row)));
  return sheet;
}

const rate = (header: string, value: (row: RankingRow) => Rate): Column<RankingRow> => ({
  header,
  width: 12,
  format: PERCENT,
  value,
});

/** The ranking with its movement: the previous rank less this one (up is positive). */
function rankingSheet(workbook: ExcelJS.Workbook, rows: readonly RankingRow[]) {
  const sheet = tableSheet<RankingRow>(
    workbook,
    'Xếp hạng',
    [
      { header: 'Hạng', width: 8, format: INTEGER, value: (r) => r.rank },
      { header: 'Hạng tuần trước', width: 10, format: INTEGER, value: (r) => r.previousRank },
      { header: 'Tăng (+) / giảm (−) bậc', width: 12, format: '+0;-0;0', value: () => null },
      { header: 'Mã', width: 10, value: (r) => r.code },
      { header: 'Tên', width: 30, value: (r) => r.name },
      { header: 'Điểm', width: 9, format: DECIMAL, value: (r) => r.score },
      { header: 'Tiếp nhận', width: 10, format: INTEGER, value: (r) => r.received },
      { header: 'Đã giải quyết', width: 10, format: INTEGER, value: (r) => r.resolved },
      { header: 'Đang giải quyết', width: 10, format: INTEGER, value: (r) => r.inProgress },
      { header: 'Quá hạn', width: 9, format: INTEGER, value: (r) => r.overdue },
      rate('Tỉ lệ đúng hạn', (r) => r.rates.onTime),
      rate('Tỉ lệ tiến độ', (r) => r.rates.progress),
      rate('Tỉ lệ trực tuyến', (r) => r.rates.online),
      rate('Tỉ lệ số hoá hồ sơ', (r) => r.rates.digitization),
      rate('Tỉ lệ thanh toán trực tuyến', (r) => r.rates.onlinePayment),
      rate('Tỉ lệ hài lòng', (r) => r.rates.satisfaction),
      { header: 'Ít mẫu', width: 8, value: (r) => (r.lowSample ? 'Có' : '') },
    ],
    rows,
  );
  rows.forEach((row, index) => {
    if (row.previousRank === null) return;
    const line = index + 2;
    sheet.getCell(`C${line}`).value = formula(`B${line}-A${line}`, row.previousRank - row.rank);
  });
}

function agenciesSheet(workbook: ExcelJS.Workbook, rows: readonly LateAgencyRow[]) {
  tableSheet<LateAgencyRow>(
    workbook,
    'Cơ quan',
    [
      { header: 'Mã cơ quan', width: 14, value: (r) => r.agencyCode },
      { header: 'Tên cơ quan', width: 36, value: (r) => r.name },
      { header: 'Đơn vị', width: 10, value: (r) => r.unitCode },
      { header: 'Hồ sơ quá hạn', width: 10, format: INTEGER, value: (r) => r.overdue },
      {
        header: 'Quá hạn lâu nhất (ngày)',
        width: 12,
        format: INTEGER,
        value: (r) => r.oldestOverdueDays,
      },
      { header: 'Tỉ lệ đúng hạn', width: 12, format: PERCENT, value: (r) => r.onTimeRate },
      { header: 'Đã giải quyết', width: 10, format: INTEGER, value: (r) => r.resolved },
      { header: 'Mức độ', width: 14, value: (r) => SEVERITY_VI[r.severity] },
    ],
    rows,
  );
}

/** The form's 13 columns, (1) to (13), as printed; (3), (7) and (11) are sums. */
const FORM_COLUMNS = 'ABCDEFGHIJKLM'.split('');

/**
 * Biểu số II.06a/VPCP/KSTT: its title, its three header rows merged as on the printed form, the
 * column numbers, then one row per unit and field; the sum columns are formulas.
 */
function formSheet(workbook: ExcelJS.Workbook, briefing: Briefing, clock: LocalClock) {
  const sheet = workbook.addWorksheet('Biểu II.06a', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = [6, 40, 11, 11, 11, 13, 11, 11, 11, 11, 11, 11, 11].map((width) => ({ width }));
  sheet.addRow(['Biểu số II.06a/VPCP/KSTT']).font = { italic: true };
  sheet.addRow([
    'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  ]).font = { bold: true, size: 13 };
  sheet.mergeCells('A2:M2');
  sheet.getCell('A2').alignment = { horizontal: 'center', wrapText: true };
  sheet.getRow(2).height = 34;
  heading(sheet, `Kỳ báo cáo: tuần ${briefing.week}`, briefing, clock);

  const top = sheet.rowCount + 1;
  const [first, second, third, numbers] = [top, top + 1, top + 2, top + 3];
  const put = (address: string, text: string) => {
    sheet.getCell(address).value = text;
  };
  put(`A${first}`, 'STT');
  put(`B${first}`, 'Lĩnh vực, công việc giải quyết theo cấp');
  put(`C${first}`, 'Số hồ sơ nhận giải quyết');
  put(`G${first}`, 'Kết quả giải quyết');
  put(`C${second}`, 'Tổng số');
  put(`D${second}`, 'Trong đó');
  put(`G${second}`, 'Số hồ sơ đã giải quyết');
  put(`K${second}`, 'Số hồ sơ đang giải quyết');
  put(`D${third}`, 'Số kỳ trước chuyển qua');
  put(`E${third}`, 'Số mới tiếp nhận trực tuyến');
  put(`F${third}`, 'Số mới tiếp nhận trực tiếp, dịch vụ bưu chính');
  put(`G${third}`, 'Tổng số');
  put(`H${third}`, 'Trả trước hạn');
  put(`I${third}`, 'Trả đúng thời hạn');
  put(`J${third}`, 'Trả quá hạn');
  put(`K${third}`, 'Tổng số');
  put(`L${third}`, 'Trong hạn');
  put(`M${third}`, 'Quá hạn');
  sheet.mergeCells(`A${first}:A${third}`);
  sheet.mergeCells(`B${first}:B${third}`);
  sheet.mergeCells(`C${first}:F${first}`);
  sheet.mergeCells(`G${first}:M${first}`);
  sheet.mergeCells(`C${second}:C${third}`);
  sheet.mergeCells(`D${second}:F${second}`);
  sheet.mergeCells(`G${second}:J${second}`);
  sheet.mergeCells(`K${second}:M${second}`);
  const labels = ['(1)', '(2)', '(3)=(4)+(5)+(6)', '(4)', '(5)', '(6)', '(7)=(8)+(9)+(10)'];
  labels.push('(8)', '(9)', '(10)', '(11)=(12)+(13)', '(12)', '(13)');
  labels.forEach((label, index) => put(`${FORM_COLUMNS[index]}${numbers}`, label));
  for (const line of [first, second, third, numbers]) {
    const row = sheet.getRow(line);
    row.font = line === numbers ? { italic: true } : BOLD;
    for (const column of FORM_COLUMNS) {
      const cell = sheet.getCell(`${column}${line}`);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  sheet.getRow(third).height = 48;

  let unitNumber = 0;
  let fieldNumber = 0;
  for (const formRow of briefing.form.rows) {
    let number: Value = '';
    if (formRow.kind === 'own' || formRow.kind === 'unit') {
      number = ++unitNumber;
      fieldNumber = 0;
    } else if (formRow.kind === 'field') {
      number = unitNumber === 0 ? ++fieldNumber : `${unitNumber}.${++fieldNumber}`;
    }
    addFormRow(sheet, number, formRow);
  }
}

function addFormRow(sheet: ExcelJS.Worksheet, number: Value, formRow: BriefingFormRow) {
  const { received, resolved, inProgress } = formRow;
  const row = sheet.addRow([
    number,
    formRow.label,
    null,
    received.carriedOver,
    received.online,
    received.directOrPostal,
    null,
    resolved.early,
    resolved.onTime,
    resolved.late,
    null,
    inProgress.withinDeadline,
    inProgress.overdue,
  ]);
  const line = row.number;
  row.getCell('C').value = formula(`D${line}+E${line}+F${line}`, received.total);
  row.getCell('G').value = formula(`H${line}+I${line}+J${line}`, resolved.total);
  row.getCell('K').value = formula(`L${line}+M${line}`, inProgress.total);
  if (formRow.kind !== 'field') row.font = BOLD;
  row.getCell('B').alignment = { indent: formRow.kind === 'field' ? 2 : 0, wrapText: true };
  for (const column of FORM_COLUMNS) {
    const cell = row.getCell(column);
    cell.border = THIN;
    if (column >= 'C') cell.numFmt = INTEGER;
  }
}
