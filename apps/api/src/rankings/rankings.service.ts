import {
  assignRanks,
  AgencyKind,
  previousWindow,
  Ranking,
  RankingLevel,
  RankingRow,
  ratesOf,
  scoreOf,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { Window } from '../metrics/metrics.repository';
import { emptyFigures, GroupFigures, MetricsService, sumFigures } from '../metrics/metrics.service';
import { Slice } from '../metrics/slice';

interface Candidate {
  code: string;
  name: string;
  unitCode: string;
}

/** Rankings of units or agencies by score, with the rank in the window just before. */
@Injectable()
export class RankingsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly directory: DirectoryService,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
  ) {}

  /** The ranking as `principal` may see it. */
  async ranking(
    principal: Principal,
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: Window,
  ): Promise<Ranking> {
    return this.visibleTo(principal, await this.fullRanking(level, kind, window));
  }

  /** Every row, for whoever then filters it with `visibleTo`. */
  async fullRanking(
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: Window,
  ): Promise<Ranking> {
    // Units are counted one by one and summed up their subtrees here, not grouped in SQL.
    const slice: Slice =
      level === 'agency'
        ? {
            by: 'agency',
            grouped: true,
            agencies: kind ? this.agencies(kind).map((a) => a.code) : undefined,
          }
        : { by: 'unit', grouped: true };
    const [current, before] = await Promise.all([
      this.metrics.figures(slice, window, 'score'),
      this.metrics.figures(slice, previousWindow(window), 'score'),
    ]);
    return level === 'agency'
      ? this.assemble(level, kind, window, this.agencies(kind), current, before)
      : this.unitRankingOf(level, window, current, before);
  }

  /**
   * Every row of a ranking of units from per-unit figures of the window and of the one just
   * before it: each ranked unit's figures are the sum of its subtree's.
   */
  unitRankingOf(
    level: Exclude<RankingLevel, 'agency'>,
    window: Window,
    current: Map<string, GroupFigures>,
    before: Map<string, GroupFigures>,
  ): Ranking {
    const snapshot = this.directory.current;
    // "district" is the level right below the province, whatever it is called there.
    const unitLevel = level === 'district' ? snapshot.rankedUnitLevel : 'commune';
    const candidates = [...snapshot.units.values()]
      .filter((unit) => unit.level === unitLevel)
      .map((unit) => ({ code: unit.code, name: unit.name, unitCode: unit.code }));
    const bySubtree = (byUnit: Map<string, GroupFigures>) =>
      new Map(
        candidates.map((candidate) => [
          candidate.code,
          sumFigures(snapshot.subtree(candidate.code).map((unit) => byUnit.get(unit))),
        ]),
      );
    return this.assemble(
      level,
      undefined,
      window,
      candidates,
      bySubtree(current),
      bySubtree(before),
    );
  }

  private assemble(
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: Window,
    candidates: readonly Candidate[],
    current: Map<string, GroupFigures>,
    before: Map<string, GroupFigures>,
  ): Ranking {
    const previousRanks = new Map(this.rank(candidates, before).map((row) => [row.code, row.rank]));
    return {
      level,
      kind: kind ?? null,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      previousFrom: new Date(previousWindow(window).from).toISOString(),
      rows: this.rank(candidates, current).map((row) => ({
        ...row,
        previousRank: previousRanks.get(row.code) ?? null,
      })),
    };
  }

  /** A district chief sees the rows of their own subtree, with their province-wide ranks. */
  visibleTo(principal: Principal, ranking: Ranking): Ranking {
    const unitOf = this.unitOfCandidate(ranking.level);
    return {
      ...ranking,
      rows: ranking.rows.filter((row) => this.access.mayReadUnit(principal, unitOf(row.code))),
    };
  }

  private unitOfCandidate(level: RankingLevel): (code: string) => string {
    if (level !== 'agency') return (code) => code;
    const agencies = this.directory.current.agencies;
    return (code) => agencies.get(code)?.unitCode ?? code;
  }

  private agencies(kind: AgencyKind | undefined): Candidate[] {
    return [...this.directory.current.agencies.values()].filter((a) => !kind || a.kind === kind);
  }

  private rank(candidates: readonly Candidate[], figures: Map<string, GroupFigures>): RankingRow[] {
    const settings = this.config.metricSettings;
    const rows = candidates.map((candidate) => {
      const group = figures.get(candidate.code) ?? emptyFigures();
      const rates = ratesOf(group);
      return {
        code: candidate.code,
        name: candidate.name,
        score: scoreOf(rates, settings),
        lowSample: group.counters.received < settings.lowSampleMinReceived,
        received: group.counters.received,
        resolved: group.counters.resolved,
        inProgress: group.inProgress.total,
        overdue: group.inProgress.overdue,
        rates,
        previousRank: null,
      };
    });
    return assignRanks(rows);
  }
}
