import type { Ranking, RankingLevel, RankingRow } from '../contracts/api';
import type { Unit, UnitLevel } from '../directory/directory';
import { emptyFigures, GroupFigures, sumFigures } from './figures';
import type { MetricSettings } from './metric-settings';
import { assignRanks, ratesOf, scoreBreakdownOf } from './metrics';
import { previousWindow, TimeWindow } from './windows';

/** A unit or agency that takes a place in a ranking. */
export interface RankingCandidate {
  code: string;
  name: string;
}

const iso = (instant: number) => new Date(instant).toISOString();

function rankRows(
  candidates: readonly RankingCandidate[],
  figures: ReadonlyMap<string, GroupFigures>,
  settings: MetricSettings,
): RankingRow[] {
  const rows = candidates.map((candidate) => {
    const group = figures.get(candidate.code) ?? emptyFigures();
    const rates = ratesOf(group);
    const { score, components } = scoreBreakdownOf(rates, settings);
    return {
      code: candidate.code,
      name: candidate.name,
      score,
      lowSample: group.counters.received < settings.lowSampleMinReceived,
      received: group.counters.received,
      resolved: group.counters.resolved,
      inProgress: group.inProgress.total,
      overdue: group.inProgress.overdue,
      rates,
      components,
      previousRank: null,
      previousScore: null,
    };
  });
  return assignRanks(rows);
}

/**
 * Every candidate ranked on its figures of the window, with its rank on those of the window of
 * the same length just before (`previousRank`, `previousScore`). A candidate without figures ranks as empty.
 */
export function rankingOf(
  level: RankingLevel,
  kind: string | null,
  window: TimeWindow,
  candidates: readonly RankingCandidate[],
  current: ReadonlyMap<string, GroupFigures>,
  before: ReadonlyMap<string, GroupFigures>,
  settings: MetricSettings,
): Ranking {
  const previous = new Map(rankRows(candidates, before, settings).map((row) => [row.code, row]));
  return {
    level,
    kind,
    from: iso(window.from),
    to: iso(window.to),
    previousFrom: iso(previousWindow(window).from),
    rows: rankRows(candidates, current, settings).map((row) => ({
      ...row,
      previousRank: previous.get(row.code)?.rank ?? null,
      previousScore: previous.get(row.code)?.score ?? null,
    })),
  };
}

/** What a ranking of units needs of the directory. */
export interface UnitTree {
  readonly units: ReadonlyMap<string, Unit>;
  /** The level right below the province: `district`, or `commune` in a two-tier province. */
  readonly rankedUnitLevel: UnitLevel;
  /** Unit codes of `code` and everything below it. */
  subtree(code: string): readonly string[];
}

/**
 * A ranking of units from per-unit figures of the window and of the one just before it: each
 * ranked unit's figures are the sum of its subtree's. "district" ranks the level right below
 * the province, whatever it is called there. With `parentCode`, the units right below that one
 * are ranked among themselves instead (a district's or a commune's own wall; a commune has none).
 */
export function unitRankingOf(
  level: Exclude<RankingLevel, 'agency'>,
  window: TimeWindow,
  tree: UnitTree,
  current: ReadonlyMap<string, GroupFigures>,
  before: ReadonlyMap<string, GroupFigures>,
  settings: MetricSettings,
  parentCode?: string,
): Ranking {
  const unitLevel = level === 'district' ? tree.rankedUnitLevel : 'commune';
  const candidates = [...tree.units.values()].filter((unit) =>
    parentCode === undefined ? unit.level === unitLevel : unit.parentCode === parentCode,
  );
  const bySubtree = (byUnit: ReadonlyMap<string, GroupFigures>) =>
    new Map(
      candidates.map((unit) => [
        unit.code,
        sumFigures(tree.subtree(unit.code).map((code) => byUnit.get(code))),
      ]),
    );
  return rankingOf(
    level,
    null,
    window,
    candidates,
    bySubtree(current),
    bySubtree(before),
    settings,
  );
}
