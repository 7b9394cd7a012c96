import type {
  Briefing,
  BriefingFormRow,
  LateAgencyRow,
  MetricsSummary,
  PrintedBriefing,
  RankingRow,
} from '@ioc/domain';
import { binhPhuocDirectory, dongNai2025Directory } from '@ioc/domain/demo';

/**
 * A briefing shaped as the API answers it (SPEC §5), its figures drawn from a seeded sequence
 * over a demo directory: the layout at real sizes (95 communes in Đồng Nai, 11 districts in
 * Bình Phước) for the PDF approaches' measurement and the screenshots. The forms' columns add
 * up as on the printed form. Not a stand-in for the API in tests of the figures.
 */
export function sampleBriefing(province: 'binh-phuoc-2021' | 'dong-nai-2025'): PrintedBriefing {
  const directory = province === 'dong-nai-2025' ? dongNai2025Directory : binhPhuocDirectory;
  let seed = 20261130;
  const next = (max: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % max;
  };
  const root = directory.units.find((unit) => unit.parentCode === null)!;
  const below = directory.units.filter((unit) => unit.parentCode === root.code);

  function formRow(
    label: string,
    unitCode: string,
    scale: number,
    kind: BriefingFormRow['kind'] = 'unit',
  ): BriefingFormRow {
    const online = next(scale) + scale;
    const directOrPostal = next(scale);
    const carriedOver = next(scale / 2);
    const received = online + directOrPostal + carriedOver;
    const late = next(Math.max(2, scale / 40));
    const early = next(scale);
    const onTime = next(scale / 2);
    const overdue = next(Math.max(2, scale / 30));
    const withinDeadline = next(scale / 2);
    return {
      label,
      unitCode,
      field: kind === 'field' ? label : null,
      kind,
      received: { total: received, online, directOrPostal, carriedOver },
      resolved: { total: early + onTime + late, early, onTime, late },
      inProgress: { total: withinDeadline + overdue, withinDeadline, overdue },
    };
  }

  const unitRows = below.map((unit) => formRow(unit.name, unit.code, 400));
  // Two fields (lĩnh vực) under each unit, as the form lists them (not summed into the units here).
  const fieldRows = below.flatMap((unit) =>
    ['Hộ tịch', 'Đất đai'].map((field) => formRow(field, unit.code, 150, 'field')),
  );
  const sum = (pick: (row: BriefingFormRow) => number) =>
    unitRows.reduce((total, row) => total + pick(row), 0);
  const scopeRow: BriefingFormRow = {
    label: root.name,
    unitCode: root.code,
    field: null,
    kind: 'scope',
    received: {
      total: sum((r) => r.received.total),
      online: sum((r) => r.received.online),
      directOrPostal: sum((r) => r.received.directOrPostal),
      carriedOver: sum((r) => r.received.carriedOver),
    },
    resolved: {
      total: sum((r) => r.resolved.total),
      early: sum((r) => r.resolved.early),
      onTime: sum((r) => r.resolved.onTime),
      late: sum((r) => r.resolved.late),
    },
    inProgress: {
      total: sum((r) => r.inProgress.total),
      withinDeadline: sum((r) => r.inProgress.withinDeadline),
      overdue: sum((r) => r.inProgress.overdue),
    },
  };

  function summary(from: string, to: string, factor: number): MetricsSummary {
    const received = Math.round(scopeRow.received.total * factor);
    const online = Math.round(scopeRow.received.online * factor);
    const resolved = Math.round(scopeRow.resolved.total * factor);
    const late = Math.round(scopeRow.resolved.late * factor);
    const onTimeRate = (resolved - late) / resolved;
    const target = (goal: number, actual: number | null) => ({
      target: goal,
      actual,
      met: actual === null ? null : actual >= goal,
    });
    return {
      scope: root.code,
      agency: null,
      from,
      to,
      asOf: to,
      computedAt: to,
      received: { total: received, online, direct: received - online - 40, postal: 40 },
      carriedOver: scopeRow.received.carriedOver,
      resolved: {
        total: resolved,
        onTime: resolved - late,
        early: Math.round(scopeRow.resolved.early * factor),
        late,
      },
      inProgress: {
        total: scopeRow.inProgress.total,
        overdue: Math.round(scopeRow.inProgress.overdue * factor),
        dueSoon: 120,
        paused: 14,
      },
      rates: {
        onTime: onTimeRate,
        progress: 0.97,
        online: online / received,
        digitization: 0.81,
        resultDigitization: 0.77,
        onlinePayment: 0.64,
        satisfaction: 0.93 * factor,
        apology: 0.5,
      },
      payments: { succeeded: 2100, amountVnd: 1_234_000_000, failed: 12 },
      ratings: { total: 900, satisfied: 800 },
      staffing: {
        quota: 3762,
        headcount: 3584,
        vacancies: 178,
        onDuty: 313,
        inProgressPerOnDuty: 2.9,
      },
      score: Math.round(7800 * factor) / 100,
      targets: {
        onTime: target(0.985, onTimeRate),
        satisfaction: target(0.91, 0.93 * factor),
        online: target(0.3, online / received),
        apology: target(1, 0.5),
      },
    };
  }

  const current = summary('2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z', 1);
  const previous = summary('2026-11-15T17:00:00.000Z', '2026-11-22T17:00:00.000Z', 0.93);
  const ranks = below.map((_, index) => index + 1).sort(() => next(3) - 1);
  const rows: RankingRow[] = below.map((unit, index) => ({
    rank: index + 1,
    previousRank: index === 4 ? null : ranks[index],
    previousScore: null,
    code: unit.code,
    name: unit.name,
    score: Math.round((95 - index * (40 / below.length)) * 100) / 100,
    lowSample: index >= below.length - 2,
    received: unitRows[index].received.total,
    resolved: unitRows[index].resolved.total,
    inProgress: unitRows[index].inProgress.total,
    overdue: unitRows[index].inProgress.overdue,
    rates: { ...current.rates, onTime: 1 - index / (below.length * 12) },
    components: {},
  }));
  const agencies = directory.agencies.slice(0, 12);
  const lateRows: LateAgencyRow[] = agencies.map((agency, index) => ({
    agencyCode: agency.code,
    name: agency.name,
    unitCode: agency.unitCode,
    overdue: 30 - index * 2,
    oldestOverdueDays: 12 - index,
    onTimeRate: 0.9 + index / 200,
    resolved: 150 + index,
    severity: index < 4 ? 'critical' : 'warning',
  }));
  const weeks = [
    '2026-W41',
    '2026-W42',
    '2026-W43',
    '2026-W44',
    '2026-W45',
    '2026-W46',
    '2026-W47',
    '2026-W48',
  ];
  const briefing: Briefing = {
    week: '2026-W48',
    scope: root.code,
    from: current.from,
    to: current.to,
    frozenAt: '2026-11-29T17:05:00.000Z',
    checksum: '9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6',
    eventsSinceFrozen: 3,
    current,
    previous,
    workingDays: { current: 5, previous: 3 },
    calendar: {
      current: { week: '2026-W48', workingDays: 5, kind: 'normal', daysOff: [], makeUpDays: [] },
      previous: {
        week: '2026-W47',
        workingDays: 3,
        kind: 'holiday',
        daysOff: [
          { date: '2026-11-19', reason: 'Nghỉ bù (mẫu)' },
          { date: '2026-11-20', reason: 'Ngày Nhà giáo Việt Nam (mẫu)' },
        ],
        makeUpDays: [],
      },
    },
    scopeName: root.name,
    previousWeek: '2026-W47',
    definitionsVersion: 1,
    ranking: { level: below[0].level === 'commune' ? 'commune' : 'district', rows },
    targets: (['onTime', 'satisfaction', 'online', 'apology'] as const).map((name) => ({
      name,
      target: current.targets[name].target,
      value: current.targets[name].actual,
      met: current.targets[name].met,
    })),
    lateAgencies: { rows: lateRows },
    trend: weeks.map((week, index) => ({
      week,
      from: current.from,
      to: current.to,
      received: Math.round(
        current.received.total * (0.8 + next(40) / 100) * (index === 3 ? 0.6 : 1),
      ),
      resolved: Math.round(
        current.resolved.total * (0.8 + next(40) / 100) * (index === 3 ? 0.6 : 1),
      ),
      onTimeRate: 0.95 + next(40) / 1000,
      onlineShare: 0.5 + next(100) / 1000,
      // The fourth week had a day off: its lower counts are marked, not read as a failure.
      workingDays: index === 3 ? 4 : 5,
      kind: index === 3 ? 'holiday' : 'normal',
    })),
    form: {
      rows: [
        scopeRow,
        ...unitRows.flatMap((row) => [
          row,
          ...fieldRows.filter((f) => f.unitCode === row.unitCode),
        ]),
      ],
    },
  };
  return { briefing, zone: 'Asia/Ho_Chi_Minh' };
}
