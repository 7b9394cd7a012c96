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
import { emptyFigures, GroupFigures, MetricsService } from '../metrics/metrics.service';
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

  /** Every row, for whoever then filters it with `visibleTo` (the live stream shares one per window). */
  async fullRanking(
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: Window,
  ): Promise<Ranking> {
    const { candidates, slice } = this.candidates(level, kind);
    const previous = previousWindow(window);
    const [current, before] = await Promise.all([
      this.metrics.figures(slice, window),
      this.metrics.figures(slice, previous),
    ]);
    const previousRanks = new Map(this.rank(candidates, before).map((row) => [row.code, row.rank]));
    return {
      level,
      kind: kind ?? null,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      previousFrom: new Date(previous.from).toISOString(),
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

  private candidates(
    level: RankingLevel,
    kind: AgencyKind | undefined,
  ): { candidates: Candidate[]; slice: Slice } {
    const snapshot = this.directory.current;
    if (level === 'agency') {
      const agencies = [...snapshot.agencies.values()].filter((a) => !kind || a.kind === kind);
      return {
        candidates: agencies,
        slice: {
          by: 'agency',
          grouped: true,
          agencies: kind ? agencies.map((a) => a.code) : undefined,
        },
      };
    }
    // "district" is the level right below the province, whatever it is called there.
    const unitLevel = level === 'district' ? snapshot.rankedUnitLevel : 'commune';
    const units = [...snapshot.units.values()].filter((u) => u.level === unitLevel);
    return {
      candidates: units.map((u) => ({ code: u.code, name: u.name, unitCode: u.code })),
      slice: { by: 'unit', groupLevel: unitLevel },
    };
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
