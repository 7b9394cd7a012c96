import {
  AgencyKind,
  GroupFigures,
  previousWindow,
  Ranking,
  RankingLevel,
  rankingOf,
  TimeWindow,
  unitRankingOf,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { MetricsService } from '../metrics/metrics.service';
import { Slice } from '../metrics/slice';

/** Rankings of units or agencies by score, with the rank in the window just before. */
@Injectable()
export class RankingsService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly directory: DirectoryService,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
  ) {}

  /**
   * The ranking as `principal` may see it; with `scope`, only the rows inside that unit (a unit
   * ranked, or an agency, whose unit is it or lies below it), their ranks still province-wide.
   */
  async ranking(
    principal: Principal,
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: TimeWindow,
    scope?: string,
  ): Promise<Ranking> {
    // An unknown scope or one outside the caller's unit is refused before anything is read.
    const within = scope === undefined ? undefined : this.access.unitScope(principal, scope);
    const visible = this.visibleTo(principal, await this.fullRanking(level, kind, window));
    if (within === undefined) return visible;
    const unitOf = this.unitOfCandidate(level);
    const snapshot = this.directory.current;
    return {
      ...visible,
      rows: visible.rows.filter((row) => snapshot.isWithin(unitOf(row.code), within)),
    };
  }

  /** Every row, for whoever then filters it with `visibleTo`. */
  async fullRanking(
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: TimeWindow,
  ): Promise<Ranking> {
    const agencies = [...this.directory.current.agencies.values()].filter(
      (agency) => !kind || agency.kind === kind,
    );
    // Units are counted one by one and summed up their subtrees in memory, not grouped in SQL.
    const slice: Slice =
      level === 'agency'
        ? { by: 'agency', grouped: true, agencies: kind ? agencies.map((a) => a.code) : undefined }
        : { by: 'unit', grouped: true };
    const [current, before] = await Promise.all([
      this.metrics.figures(slice, window, 'score'),
      this.metrics.figures(slice, previousWindow(window), 'score'),
    ]);
    return level === 'agency'
      ? rankingOf(
          level,
          kind ?? null,
          window,
          agencies,
          current,
          before,
          this.config.metricSettings,
        )
      : this.unitRankingOf(level, window, current, before);
  }

  /**
   * Every row of a ranking of units from per-unit figures of the window and the one before it;
   * with `parentCode`, that unit's children ranked among themselves (a unit's own wall).
   */
  unitRankingOf(
    level: Exclude<RankingLevel, 'agency'>,
    window: TimeWindow,
    current: Map<string, GroupFigures>,
    before: Map<string, GroupFigures>,
    parentCode?: string,
  ): Ranking {
    return unitRankingOf(
      level,
      window,
      this.directory.current,
      current,
      before,
      this.config.metricSettings,
      parentCode,
    );
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
}
