import {
  SCORE_COMPONENTS,
  type MetricsSummary,
  type LiveRankingRow,
  type ScoreComponent,
  type ScoreComponents,
} from '@ioc/domain/browser';

/** A component as the wall names it: which one, its rate, and how far it is from full marks. */
export interface ComponentStanding {
  component: ScoreComponent;
  rate: number;
  /** Share of its full marks earned, 0 to 1. */
  earned: number;
  /** Points it would add at full marks, on the row's own 100-point scale. */
  weight: number;
}

/** The component furthest from full marks (ties: the heavier one costs more). */
export function weakestComponent(components: ScoreComponents): ComponentStanding | null {
  let weakest: ComponentStanding | null = null;
  for (const component of SCORE_COMPONENTS) {
    const entry = components[component];
    if (!entry) continue;
    const earned = entry.weight > 0 ? entry.points / entry.weight : 1;
    const standing = { component, rate: entry.rate, earned, weight: entry.weight };
    if (
      !weakest ||
      earned < weakest.earned ||
      (earned === weakest.earned && entry.weight > weakest.weight)
    )
      weakest = standing;
  }
  return weakest;
}

/** Each component's weight and full marks, as the rows carry them (configuration, not literals). */
export function componentScale(
  rows: readonly LiveRankingRow[],
): Partial<Record<ScoreComponent, { weight: number; fullAt: number }>> {
  const scale: Partial<Record<ScoreComponent, { weight: number; fullAt: number }>> = {};
  for (const row of rows)
    for (const component of SCORE_COMPONENTS) {
      const entry = row.components[component];
      if (entry && !scale[component])
        scale[component] = { weight: entry.weight, fullAt: entry.fullAt };
    }
  return scale;
}

/** The points the streams measure (publicity's are not): the sum of the components' weights. */
export function measuredPoints(rows: readonly LiveRankingRow[]): number | null {
  const weights = Object.values(componentScale(rows)).map((entry) => entry.weight);
  return weights.length ? weights.reduce((sum, weight) => sum + weight, 0) : null;
}

/** The province's own weakest component, from its summary's rates and the rows' scale. */
export function provinceWeakest(
  summary: MetricsSummary | undefined,
  rows: readonly LiveRankingRow[],
): ComponentStanding | null {
  if (!summary) return null;
  const components: ScoreComponents = {};
  for (const [component, { weight, fullAt }] of Object.entries(componentScale(rows)) as [
    ScoreComponent,
    { weight: number; fullAt: number },
  ][]) {
    const rate = summary.rates[component];
    if (rate === null) continue;
    components[component] = { rate, weight, fullAt, points: weight * Math.min(1, rate / fullAt) };
  }
  return weakestComponent(components);
}

/** Points gained (positive) or lost since the window of the same length before, if both exist. */
export function scoreChange(row: LiveRankingRow): number | null {
  return row.score === null || row.previousScore === null ? null : row.score - row.previousScore;
}

export interface RankingSplit {
  /** Ranked on enough dossiers, in rank order. */
  ranked: LiveRankingRow[];
  /** Too few dossiers: listed apart, never among the ranked. */
  lowSample: LiveRankingRow[];
}

export function splitRanking(rows: readonly LiveRankingRow[]): RankingSplit {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  return {
    ranked: sorted.filter((row) => !row.lowSample && row.score !== null),
    lowSample: sorted.filter((row) => row.lowSample || row.score === null),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The biggest gain and the biggest loss in points among the ranked (none when nobody moved). */
export function biggestMovers(ranked: readonly LiveRankingRow[]): {
  up: LiveRankingRow | null;
  down: LiveRankingRow | null;
} {
  let up: LiveRankingRow | null = null;
  let down: LiveRankingRow | null = null;
  for (const row of ranked) {
    const change = scoreChange(row);
    if (change === null) continue;
    if (change > 0 && (!up || change > scoreChange(up)!)) up = row;
    if (change < 0 && (!down || change < scoreChange(down)!)) down = row;
  }
  return { up, down };
}

export type RankingLine =
  | { kind: 'row'; row: LiveRankingRow }
  | { kind: 'median'; score: number }
  | { kind: 'gap'; hidden: number }
  | { kind: 'lowSampleHead'; count: number }
  /** Units with too few dossiers, several to a line: they are named, not ranked. */
  | { kind: 'low'; rows: LiveRankingRow[] };

/**
 * The ranking as pages of at most `perPage` lines, each line one fixed-height row on screen.
 * When everything fits, one page. Otherwise the first page is the top and the bottom with the
 * province median between, and the next pages go through every ranked row, then the units with
 * too few dossiers under their own heading, `lowSamplePerLine` to a line.
 */
export function rankingPages(
  split: RankingSplit,
  perPage: number,
  lowSamplePerLine = 2,
): RankingLine[][] {
  const size = Math.max(3, perPage);
  // A median of one or two units says nothing the rows do not.
  const medianScore =
    split.ranked.length >= 3 ? median(split.ranked.map((row) => row.score!)) : null;
  const rowLines = (rows: readonly LiveRankingRow[]): RankingLine[] =>
    rows.map((row) => ({ kind: 'row', row }));
  const withMedian = (rows: readonly LiveRankingRow[]): RankingLine[] => {
    const lines = rowLines(rows);
    if (medianScore === null) return lines;
    // The median sits after the last row scoring above it.
    const at = rows.filter((row) => row.score! > medianScore).length;
    if (at === 0 && rows[0] !== split.ranked[0]) return lines;
    if (at === rows.length && rows.at(-1) !== split.ranked.at(-1)) return lines;
    lines.splice(at, 0, { kind: 'median', score: medianScore });
    return lines;
  };
  const lowLines: RankingLine[] = [];
  if (split.lowSample.length)
    lowLines.push({ kind: 'lowSampleHead', count: split.lowSample.length });
  for (let start = 0; start < split.lowSample.length; start += lowSamplePerLine)
    lowLines.push({ kind: 'low', rows: split.lowSample.slice(start, start + lowSamplePerLine) });
  const all = [...withMedian(split.ranked), ...lowLines];
  if (all.length <= size) return [all];

  const pages: RankingLine[][] = [];
  if (split.ranked.length > size - 1) {
    // Top and bottom around the median, with the rows left out counted.
    const top = Math.ceil((size - 2) / 2);
    const bottom = size - 2 - top;
    pages.push([
      ...rowLines(split.ranked.slice(0, top)),
      { kind: 'median', score: medianScore! },
      { kind: 'gap', hidden: split.ranked.length - top - bottom },
      ...rowLines(split.ranked.slice(split.ranked.length - bottom)),
    ]);
  }
  for (let start = 0; start < all.length; start += size) pages.push(all.slice(start, start + size));
  return pages;
}

/** Five classes by position among the ranked: 0 = bottom fifth … 4 = top fifth. */
export function positionClasses(ranked: readonly LiveRankingRow[]): Map<string, number> {
  const scores = ranked.map((row) => row.score!).sort((a, b) => a - b);
  const classes = new Map<string, number>();
  if (scores.length === 0) return classes;
  for (const row of ranked) {
    // Share of the others scoring below this one: ties share a class.
    const below = scores.filter((score) => score < row.score!).length;
    const position = scores.length === 1 ? 1 : below / (scores.length - 1);
    classes.set(row.code, Math.min(4, Math.floor(position * 5)));
  }
  return classes;
}

/** Each class's absolute score range, for the legend: [lowest, highest] among its members. */
export function classRanges(
  ranked: readonly LiveRankingRow[],
  classes: ReadonlyMap<string, number>,
): ({ min: number; max: number } | null)[] {
  const ranges: ({ min: number; max: number } | null)[] = [null, null, null, null, null];
  for (const row of ranked) {
    const index = classes.get(row.code);
    if (index === undefined || row.score === null) continue;
    const range = ranges[index];
    ranges[index] = range
      ? { min: Math.min(range.min, row.score), max: Math.max(range.max, row.score) }
      : { min: row.score, max: row.score };
  }
  return ranges;
}

/** Where the bars start: a round number below the lowest score, so differences show. */
export function barFloor(ranked: readonly LiveRankingRow[]): number {
  const scores = ranked.map((row) => row.score!);
  if (scores.length === 0) return 0;
  const lowest = Math.min(...scores);
  const spread = Math.max(...scores) - lowest;
  const step = spread > 20 ? 10 : 5;
  return Math.max(0, Math.floor((lowest - Math.max(spread * 0.15, 1)) / step) * step);
}
