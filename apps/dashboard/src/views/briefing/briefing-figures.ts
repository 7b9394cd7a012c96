import type { Briefing, BriefingFormRow, MetricsSummary, RankingRow } from '@ioc/domain/browser';

/** Which way a figure moved against the week before, and whether that is good news. */
export interface Change {
  direction: 'up' | 'down' | 'same' | 'none';
  /** The difference: a count, or percentage points for a rate. */
  delta: number | null;
  tone: 'good' | 'bad' | 'neutral';
}

/** A headline figure: this week's value, the week before's, and whether more is better. */
export interface Headline {
  key: 'received' | 'resolved' | 'onTimeRate' | 'onlineShare' | 'inProgress' | 'overdue' | 'score';
  kind: 'count' | 'rate' | 'score';
  current: number | null;
  previous: number | null;
  /** More received is neither good nor bad; a higher on-time rate is good, more overdue bad. */
  better: 'higher' | 'lower' | 'neither';
}

export function headlines(current: MetricsSummary, previous: MetricsSummary): Headline[] {
  return [
    {
      key: 'received',
      kind: 'count',
      better: 'neither',
      current: current.received.total,
      previous: previous.received.total,
    },
    {
      key: 'resolved',
      kind: 'count',
      better: 'higher',
      current: current.resolved.total,
      previous: previous.resolved.total,
    },
    {
      key: 'onTimeRate',
      kind: 'rate',
      better: 'higher',
      current: current.rates.onTime,
      previous: previous.rates.onTime,
    },
    {
      key: 'onlineShare',
      kind: 'rate',
      better: 'higher',
      current: current.rates.online,
      previous: previous.rates.online,
    },
    {
      key: 'inProgress',
      kind: 'count',
      better: 'neither',
      current: current.inProgress.total,
      previous: previous.inProgress.total,
    },
    {
      key: 'overdue',
      kind: 'count',
      better: 'lower',
      current: current.inProgress.overdue,
      previous: previous.inProgress.overdue,
    },
    {
      key: 'score',
      kind: 'score',
      better: 'higher',
      current: current.score,
      previous: previous.score,
    },
  ];
}

export function changeOf({ current, previous, kind, better }: Headline): Change {
  if (current === null || previous === null)
    return { direction: 'none', delta: null, tone: 'neutral' };
  // Rates move in percentage points, rounded as shown (two decimals of a percent).
  const delta =
    kind === 'rate'
      ? Math.round((current - previous) * 10_000) / 100
      : Math.round((current - previous) * 100) / 100;
  if (delta === 0) return { direction: 'same', delta: 0, tone: 'neutral' };
  const direction = delta > 0 ? 'up' : 'down';
  if (better === 'neither') return { direction, delta, tone: 'neutral' };
  const good = (direction === 'up') === (better === 'higher');
  return { direction, delta, tone: good ? 'good' : 'bad' };
}

/** Places moved since the week before: positive is up the table; null when unranked then. */
export function movementOf(row: Pick<RankingRow, 'rank' | 'previousRank'>): number | null {
  return row.previousRank === null ? null : row.previousRank - row.rank;
}

/** The last instant inside `[from, to)`: a week's Sunday, for "23/11 – 29/11/2026". */
export function lastInstant(to: string): number {
  return Date.parse(to) - 1;
}

/** Splits rows into pages of at most `size`, evenly, so the last page is not a lonely row. */
export function pages<Row>(rows: readonly Row[], size: number): Row[][] {
  if (rows.length === 0) return [[]];
  const count = Math.ceil(rows.length / size);
  const each = Math.ceil(rows.length / count);
  return Array.from({ length: count }, (_, index) => rows.slice(index * each, (index + 1) * each));
}

/** The open week is computed live; a closed one is frozen. */
export function isLive(briefing: Pick<Briefing, 'frozenAt'>): boolean {
  return briefing.frozenAt === null;
}

/** A row of the II.06a form as printed: the scope's own desks and its units numbered 1…n. */
export interface FormLine {
  row: BriefingFormRow;
  number: number | null;
}

/** Numbers the rows as the printed form does: the scope and the fields under a row go unnumbered. */
export function formLines(rows: readonly BriefingFormRow[]): FormLine[] {
  let number = 0;
  return rows.map((row) => ({
    row,
    number: row.kind === 'unit' || row.kind === 'own' ? ++number : null,
  }));
}
