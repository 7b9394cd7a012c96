import type {
  DossierRow,
  LateAgencyRow,
  ProcedureLoadRow,
  Rates,
  RankingLevel,
  RankingRow,
  Severity,
} from '@ioc/domain';
import { ColumnSpec, TableSpec } from './table-spec';

/** Vietnamese names of the values the tables hold. */
const STATUS_VI: Record<DossierRow['status'], string> = {
  inProgress: 'Đang giải quyết',
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  paused: 'Tạm dừng',
};
const CHANNEL_VI: Record<DossierRow['channel'], string> = {
  online: 'Trực tuyến',
  direct: 'Trực tiếp',
  postal: 'Bưu chính',
};
const SEVERITY_VI: Record<Severity, string> = { critical: 'Nghiêm trọng', warning: 'Cảnh báo' };
const LEVEL_VI: Record<RankingLevel, string> = {
  district: 'Đơn vị cấp huyện',
  commune: 'Đơn vị cấp xã',
  agency: 'Cơ quan',
};

/** `GET /dossiers`: the columns of a row, in its order. */
export const DOSSIER_TABLE: TableSpec<DossierRow> = {
  sheet: 'Hồ sơ',
  columns: [
    { header: 'Mã hồ sơ', type: 'text', width: 22, value: (r) => r.dossierId },
    { header: 'Mã thủ tục', type: 'text', value: (r) => r.procedureCode },
    { header: 'Cơ quan xử lý', type: 'text', value: (r) => r.agencyCode },
    { header: 'Đơn vị tiếp nhận', type: 'text', value: (r) => r.unitCode },
    { header: 'Kênh tiếp nhận', type: 'text', value: (r) => CHANNEL_VI[r.channel] },
    { header: 'Thời điểm tiếp nhận', type: 'datetime', value: (r) => r.receivedAt },
    { header: 'Hạn giải quyết', type: 'datetime', value: (r) => r.dueAt },
    { header: 'Trạng thái', type: 'text', value: (r) => STATUS_VI[r.status] },
    { header: 'Số ngày quá hạn', type: 'integer', value: (r) => r.overdueDays },
    { header: 'Đã xin lỗi', type: 'text', value: (r) => (r.apologized ? 'Có' : 'Không') },
  ],
};

/** `GET /dossiers/by-procedure`: a scope's dossiers by procedure, the most overdue first. */
export const PROCEDURE_LOAD_TABLE: TableSpec<ProcedureLoadRow> = {
  sheet: 'Theo thủ tục',
  columns: [
    { header: 'Mã thủ tục', type: 'text', width: 16, value: (r) => r.procedureCode },
    { header: 'Tên thủ tục', type: 'text', width: 48, value: (r) => r.procedureName },
    { header: 'Đang giải quyết', type: 'integer', value: (r) => r.inProgress },
    { header: 'Quá hạn', type: 'integer', value: (r) => r.overdue },
    { header: 'Sắp đến hạn', type: 'integer', value: (r) => r.dueSoon },
    { header: 'Tạm dừng', type: 'integer', value: (r) => r.paused },
    { header: 'Quá hạn lâu nhất (ngày)', type: 'integer', value: (r) => r.oldestOverdueDays },
    { header: 'Đã giải quyết', type: 'integer', value: (r) => r.resolved },
    { header: 'Giải quyết đúng hạn', type: 'integer', value: (r) => r.resolvedOnTime },
    { header: 'Tỉ lệ đúng hạn', type: 'percent', value: (r) => r.onTimeRate },
  ],
};

/** The rates of SPEC §4, as percentages (an empty cell for "no data"). */
function rateColumns<Row>(ratesOf: (row: Row) => Rates): ColumnSpec<Row>[] {
  const rate = (header: string, key: keyof Rates): ColumnSpec<Row> => ({
    header,
    type: 'percent',
    value: (row) => ratesOf(row)[key],
  });
  return [
    rate('Tỉ lệ đúng hạn', 'onTime'),
    rate('Tỉ lệ tiến độ', 'progress'),
    rate('Tỉ lệ trực tuyến', 'online'),
    rate('Tỉ lệ số hoá hồ sơ', 'digitization'),
    rate('Tỉ lệ số hoá kết quả', 'resultDigitization'),
    rate('Tỉ lệ thanh toán trực tuyến', 'onlinePayment'),
    rate('Tỉ lệ hài lòng', 'satisfaction'),
    rate('Tỉ lệ xin lỗi khi trễ hạn', 'apology'),
  ];
}

/** `GET /rankings`: a ranking row, its rates as percentages. */
export function rankingTable(level: RankingLevel): TableSpec<RankingRow> {
  return {
    sheet: `Xếp hạng - ${LEVEL_VI[level]}`,
    columns: [
      { header: 'Hạng', type: 'integer', value: (r) => r.rank },
      { header: 'Hạng kỳ trước', type: 'integer', value: (r) => r.previousRank },
      { header: 'Mã', type: 'text', width: 12, value: (r) => r.code },
      { header: 'Tên', type: 'text', width: 32, value: (r) => r.name },
      { header: 'Điểm', type: 'decimal', value: (r) => r.score },
      { header: 'Ít mẫu', type: 'text', value: (r) => (r.lowSample ? 'Có' : '') },
      { header: 'Tiếp nhận', type: 'integer', value: (r) => r.received },
      { header: 'Đã giải quyết', type: 'integer', value: (r) => r.resolved },
      { header: 'Đang giải quyết', type: 'integer', value: (r) => r.inProgress },
      { header: 'Quá hạn', type: 'integer', value: (r) => r.overdue },
      ...rateColumns<RankingRow>((r) => r.rates),
    ],
  };
}

/** `GET /alerts/late-agencies`: the flagged agencies, worst first. */
export const LATE_AGENCY_TABLE: TableSpec<LateAgencyRow> = {
  sheet: 'Cơ quan chậm muộn',
  columns: [
    { header: 'Mã cơ quan', type: 'text', width: 14, value: (r) => r.agencyCode },
    { header: 'Tên cơ quan', type: 'text', width: 36, value: (r) => r.name },
    { header: 'Đơn vị', type: 'text', value: (r) => r.unitCode },
    { header: 'Hồ sơ quá hạn', type: 'integer', value: (r) => r.overdue },
    { header: 'Quá hạn lâu nhất (ngày)', type: 'integer', value: (r) => r.oldestOverdueDays },
    { header: 'Tỉ lệ đúng hạn', type: 'percent', value: (r) => r.onTimeRate },
    { header: 'Đã giải quyết', type: 'integer', value: (r) => r.resolved },
    { header: 'Mức độ', type: 'text', value: (r) => SEVERITY_VI[r.severity] },
  ],
};
