import {
  AgencyKind,
  GroupFigures,
  previousWindow,
  Ranking,
  RankingLevel,
  rankingOf,
  rankingReferenceOf,
  TimeWindow,
  unitRankingOf,
} from '@ioc/domain';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
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
    const within = this.withinScope(principal, level, scope);
    const visible = this.visibleTo(principal, await this.fullRanking(level, kind, window));
    if (within === undefined) return visible;
    const unitOf = this.unitOfCandidate(level);
    const snapshot = this.directory.current;
    return {
      ...visible,
      rows: visible.rows.filter((row) => snapshot.isWithin(unitOf(row.code), within)),
    };
  }

  /**
   * A unit's own ranking as `principal` may ask for it (`ranks=scope`): the units right below
   * `scope` (default the caller's unit, else the province) ranked among themselves, as its wall's
   * live snapshot ranks them. `level`, when given, must be the level they are ranked at.
   */
  async ownRanking(
    principal: Principal,
    level: RankingLevel | undefined,
    window: TimeWindow,
    scope?: string,
  ): Promise<Ranking> {
    const unit = this.access.unitScope(principal, scope);
    const childLevel = this.childLevelOf(unit);
    if (level !== undefined && level !== childLevel) {
      throw new BadRequestException(
        `level: the units right below ${unit} are ranked at level ${childLevel}, not ${level}`,
      );
    }
    const slice: Slice = { by: 'unit', grouped: true };
    const [current, before] = await Promise.all([
      this.metrics.figures(slice, window, 'score'),
      this.metrics.figures(slice, previousWindow(window), 'score'),
    ]);
    return this.childRankingOf(unit, window, current, before);
  }

  /**
   * The units right below `scope` ranked among themselves, 1 to n: a unit's own wall, live or
   * over REST. The province's are ranked at level `district` (SPEC §4), any other unit's children
   * are communes.
   */
  childRankingOf(
    scope: string,
    window: TimeWindow,
    current: Map<string, GroupFigures>,
    before: Map<string, GroupFigures>,
  ): Ranking {
    const childLevel = this.childLevelOf(scope);
    return this.unitRankingOf(
      childLevel,
      window,
      current,
      before,
      childLevel === 'district' ? undefined : scope,
    );
  }

  private childLevelOf(scope: string): 'district' | 'commune' {
    return scope === this.directory.current.province?.code ? 'district' : 'commune';
  }

  /** Every row, for whoever then filters it with `visibleTo`. */
  async fullRanking(
    level: RankingLevel,
    kind: AgencyKind | undefined,
    window: TimeWindow,
  ): Promise<Ranking> {
    // Units are counted one by one and summed up their subtrees in memory, not grouped in SQL.
    const slice: Slice =
      level === 'agency'
        ? {
            by: 'agency',
            grouped: true,
            agencies: kind ? this.agenciesOfKind(kind).map((a) => a.code) : undefined,
          }
        : { by: 'unit', grouped: true };
    const [current, before] = await Promise.all([
      this.metrics.figures(slice, window, 'score'),
      this.metrics.figures(slice, previousWindow(window), 'score'),
    ]);
    return level === 'agency'
      ? this.agencyRankingOf(kind, window, current, before)
      : this.unitRankingOf(level, window, current, before);
  }

  /** Every row of a ranking of agencies (of one kind) from per-agency figures. */
  agencyRankingOf(
    kind: AgencyKind | undefined,
    window: TimeWindow,
    current: Map<string, GroupFigures>,
    before: Map<string, GroupFigures>,
  ): Ranking {
    return rankingOf(
      'agency',
      kind ?? null,
      window,
      this.agenciesOfKind(kind),
      current,
      before,
      this.config.metricSettings,
    );
  }

  private agenciesOfKind(kind: AgencyKind | undefined) {
    return [...this.directory.current.agencies.values()].filter(
      (agency) => !kind || agency.kind === kind,
    );
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

  /**
   * A district chief sees the rows of their own subtree, an agency head their agency's row, with
   * their province-wide ranks.
   */
  visibleTo(principal: Principal, ranking: Ranking): Ranking {
    const mayRead =
      ranking.level === 'agency'
        ? (code: string) => this.access.mayReadAgency(principal, code)
        : (code: string) => this.access.mayReadUnit(principal, code);
    return {
      ...ranking,
      rows: ranking.rows.filter((row) => mayRead(row.code)),
      reference: ranking.reference ?? rankingReferenceOf(ranking.rows),
    };
  }

  /**
   * The unit whose rows to keep (none: every row the caller may see). An agency head reads the
   * ranking of agencies only (their row), and no unit's rows but their agency's unit.
   */
  private withinScope(
    principal: Principal,
    level: RankingLevel,
    scope: string | undefined,
  ): string | undefined {
    if (principal.role !== 'agency_head') {
      return scope === undefined ? undefined : this.access.unitScope(principal, scope);
    }
    if (level !== 'agency') {
      throw new ForbiddenException('An agency head reads the ranking of agencies (level=agency)');
    }
    return scope === undefined
      ? undefined
      : this.access.ownAgency(principal, scope, undefined).scope;
  }

  private unitOfCandidate(level: RankingLevel): (code: string) => string {
    if (level !== 'agency') return (code) => code;
    const agencies = this.directory.current.agencies;
    return (code) => agencies.get(code)?.unitCode ?? code;
  }
}
