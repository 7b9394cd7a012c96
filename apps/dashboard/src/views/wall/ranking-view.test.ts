import type { RankingRow } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { rankingFixture, summaryFixture } from '@/testing/fixtures';
import {
  barFloor,
  biggestMovers,
  classRanges,
  measuredPoints,
  positionClasses,
  provinceWeakest,
  rankingPages,
  splitRanking,
  weakestComponent,
  type RankingLine,
} from './ranking-view';

const [template] = rankingFixture().rows;
/** `count` ranked units scoring 100, 99, …, and `low` units with too few dossiers. */
function rows(count: number, low = 0): RankingRow[] {
  const ranked = Array.from({ length: count }, (_, i) => ({
    ...template,
    code: `R${i + 1}`,
    rank: i + 1,
    score: 100 - i,
    previousScore: 100 - i - (i % 3) + 1,
    lowSample: false,
  }));
  const few = Array.from({ length: low }, (_, i) => ({
    ...template,
    code: `L${i + 1}`,
    rank: count + i + 1,
    score: 100,
    lowSample: true,
  }));
  return [...few, ...ranked];
}

const describeLine = (line: RankingLine) =>
  line.kind === 'row'
    ? line.row.code
    : line.kind === 'low'
      ? line.rows.map((row) => row.code).join('+')
      : line.kind === 'median'
        ? `median ${line.score}`
        : line.kind === 'gap'
          ? `gap ${line.hidden}`
          : `low ${line.count}`;

describe('ranking view', () => {
  it('names the weakest component, furthest from its full marks', () => {
    // Digitisation earns 14,8 of 22 (67 %), online 9,6 of 12 (80 %), progress all 20.
    expect(weakestComponent(template.components)).toMatchObject({
      component: 'digitization',
      rate: 0.538,
    });
    expect(weakestComponent({})).toBeNull();
  });

  it('counts the points the streams measure from the components, not a literal', () => {
    // The fixture's rows carry progress 20, online 12 and digitisation 22.
    expect(measuredPoints(rankingFixture().rows)).toBe(54);
    expect(measuredPoints([])).toBeNull();
  });

  it("finds the province's weakest component from its own rates", () => {
    const summary = summaryFixture();
    const weakest = provinceWeakest(summary, rankingFixture().rows);
    const ratio = (rate: number | null, fullAt: number) => Math.min(1, (rate ?? 1) / fullAt);
    const expected = [
      ['progress', ratio(summary.rates.progress, 1)],
      ['online', ratio(summary.rates.online, 0.5)],
      ['digitization', ratio(summary.rates.digitization, 0.8)],
    ].sort((a, b) => (a[1] as number) - (b[1] as number))[0][0];
    expect(weakest?.component).toBe(expected);
  });

  it('never ranks a unit with too few dossiers among the others, whatever its score', () => {
    const split = splitRanking(rows(3, 2));
    expect(split.ranked.map((row) => row.code)).toEqual(['R1', 'R2', 'R3']);
    expect(split.lowSample.map((row) => row.code)).toEqual(['L1', 'L2']);
    expect(rankingPages(split, 10).flat().map(describeLine)).toEqual([
      'R1',
      'median 99',
      'R2',
      'R3',
      'low 2',
      'L1+L2',
    ]);
  });

  it('pages many units: top and bottom around the median first, then every row', () => {
    const pages = rankingPages(splitRanking(rows(95, 4)), 8);
    expect(pages[0].map(describeLine)).toEqual([
      'R1',
      'R2',
      'R3',
      'median 53',
      'gap 89',
      'R93',
      'R94',
      'R95',
    ]);
    expect(pages.every((page) => page.length <= 8)).toBe(true);
    const listed = pages.slice(1).flat().map(describeLine);
    expect(listed.filter((line) => line.startsWith('R'))).toHaveLength(95);
    expect(listed.slice(-3)).toEqual(['low 4', 'L1+L2', 'L3+L4']);
  });

  it('names the biggest movers by points gained and lost', () => {
    const ranked = splitRanking(rows(6)).ranked;
    ranked[4] = { ...ranked[4], previousScore: ranked[4].score! + 3.2 };
    const { up, down } = biggestMovers(ranked);
    // R3 and R6 gained a point each: the first of them; R5 lost 3,2.
    expect(up?.code).toBe('R3');
    expect(down?.code).toBe('R5');
  });

  it('colours by position: fifths of the ranked, each with its absolute range', () => {
    const ranked = splitRanking(rows(10)).ranked;
    const classes = positionClasses(ranked);
    expect(ranked.map((row) => classes.get(row.code))).toEqual([4, 4, 3, 3, 2, 2, 1, 1, 0, 0]);
    expect(classRanges(ranked, classes)).toEqual([
      { min: 91, max: 92 },
      { min: 93, max: 94 },
      { min: 95, max: 96 },
      { min: 97, max: 98 },
      { min: 99, max: 100 },
    ]);
  });

  it('starts the bars below the lowest score, on a round number, so differences show', () => {
    expect(barFloor(splitRanking(rows(10)).ranked)).toBe(85);
    expect(barFloor([])).toBe(0);
  });
});
