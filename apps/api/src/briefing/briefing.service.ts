import {
  addDays,
  addIsoWeeks,
  Briefing,
  BRIEFING_DEFINITIONS_VERSION,
  BRIEFING_TREND_WEEKS,
  BriefingFigures,
  briefingTargetsOf,
  BriefingTrendWeek,
  canonicalJson,
  formRowsOf,
  IsoWeek,
  isoWeekWindow,
  isoWeekAt,
  lastCompleteIsoWeek,
  mondayOfIsoWeek,
  parseIsoWeek,
  IsoWeekError,
  previousIsoWeek,
  ratesOf,
  RankingLevel,
  TimeWindow,
  weekCalendar,
  zeroCounters,
  emptyFigures,
  addCounters,
} from '@ioc/domain';
import { BadRequestException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AlertsService } from '../alerts/alerts.service';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { DirectoryService } from '../directory/directory.service';
import { MetricsService } from '../metrics/metrics.service';
import { Scopes } from '../metrics/scopes';
import { RankingsService } from '../rankings/rankings.service';
import { briefingWorkbook } from './briefing-workbook';
import { BriefingRepository, BriefingSnapshot } from './briefing.repository';

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * The weekly briefing (SPEC §1, §5): a week against the week before, for a unit's scope. A closed
 * week is computed once and kept (frozen), so the screen, the PDF and the XLSX of it agree; the
 * week still open is computed live at each request.
 */
@Injectable()
export class BriefingService {
  /** Freezes under way, by week and scope: concurrent first requests wait for the one. */
  private readonly freezing = new Map<string, Promise<BriefingSnapshot | null>>();

  constructor(
    private readonly repository: BriefingRepository,
    private readonly metrics: MetricsService,
    private readonly rankings: RankingsService,
    private readonly alerts: AlertsService,
    private readonly scopes: Scopes,
    private readonly directory: DirectoryService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The week's window, or a 400 that says why the week cannot be briefed (yet). */
  windowOf(week: IsoWeek): TimeWindow {
    try {
      parseIsoWeek(week);
    } catch (error) {
      if (error instanceof IsoWeekError) throw new BadRequestException(error.message);
      throw error;
    }
    const window = isoWeekWindow(week, this.calendar.clock);
    if (window.from > this.clock.now()) {
      throw new BadRequestException(`week: ${week} has not started yet`);
    }
    return window;
  }

  /** The last week that has ended, in local time: what `/briefing` opens on a Monday morning. */
  lastCompleteWeek(): IsoWeek {
    return lastCompleteIsoWeek(this.clock.now(), this.calendar.clock.zone);
  }

  /** The briefing as an XLSX workbook (the same figures, so the same checksum). */
  workbook(briefing: Briefing): Promise<Buffer> {
    return briefingWorkbook(briefing, this.calendar.clock);
  }

  /** The week still open, computed live. */
  openWeek(): IsoWeek {
    return isoWeekAt(this.clock.now(), this.calendar.clock.zone);
  }

  /** The briefing of a week for a (checked) unit scope: kept if the week is over, else live. */
  async briefing(week: IsoWeek, scope: string): Promise<Briefing> {
    const window = this.windowOf(week);
    if (window.to > this.clock.now()) return this.live(week, scope);
    const kept = (await this.repository.find(week, scope)) ?? (await this.freezeOnce(week, scope));
    if (!kept) return this.live(week, scope);
    return this.answer(kept, await this.eventsSince(week, window, scope));
  }

  /**
   * Computes the closed week again and replaces what was kept (an administrator's act, after
   * late events or a corrected definition). Answers the new briefing and the checksum it replaced.
   */
  async regenerate(
    week: IsoWeek,
    scope: string,
    by: string,
  ): Promise<{ briefing: Briefing; replacedChecksum: string | null }> {
    const window = this.windowOf(week);
    if (window.to > this.clock.now()) {
      throw new BadRequestException(`week: ${week} is still open; it is computed live`);
    }
    const before = await this.repository.find(week, scope);
    const snapshot = await this.snapshot(week, scope);
    if (!snapshot) {
      throw new ServiceUnavailableException(
        'The figures are still catching up with the events of the week: try again in a moment',
      );
    }
    const kept = await this.repository.replace(week, scope, snapshot, by);
    return { briefing: this.answer(kept, 0), replacedChecksum: before?.checksum ?? null };
  }

  /**
   * Freezes the last complete week for the province and each unit right below it (the job of
   * Monday 00:05): the briefings the leaders and chiefs open first are then ready.
   */
  async freezeLastWeek(): Promise<string[]> {
    const week = this.lastCompleteWeek();
    const snapshot = this.directory.current;
    const province = snapshot.province;
    if (!province) return [];
    const scopes = [
      province.code,
      ...[...snapshot.units.values()]
        .filter((unit) => unit.parentCode === province.code)
        .map((unit) => unit.code),
    ];
    const frozen: string[] = [];
    for (const scope of scopes) {
      if ((await this.repository.find(week, scope)) ?? (await this.freezeOnce(week, scope))) {
        frozen.push(scope);
      }
    }
    return frozen;
  }

  /** One freeze per week and scope at a time in this process; the table's key across processes. */
  private async freezeOnce(week: IsoWeek, scope: string): Promise<BriefingSnapshot | null> {
    const key = `${week}\u0000${scope}`;
    let freezing = this.freezing.get(key);
    if (!freezing) {
      freezing = this.snapshot(week, scope)
        .then((snapshot) => (snapshot ? this.repository.freeze(week, scope, snapshot) : null))
        .finally(() => this.freezing.delete(key));
      this.freezing.set(key, freezing);
    }
    return freezing;
  }

  /**
   * The figures to keep for a closed week, or null while the projection has not yet derived
   * every event stored before the week's end (they would be missing from the frozen figures).
   */
  private async snapshot(week: IsoWeek, scope: string): Promise<BriefingSnapshot | null> {
    const eventsBefore = await this.repository.derivedBefore();
    const figures = await this.figures(week, scope);
    const window = this.windowOf(week);
    if (Date.parse(figures.current.asOf) < window.to) return null;
    return {
      figures,
      checksum: checksumOf(figures),
      definitionsVersion: BRIEFING_DEFINITIONS_VERSION,
      frozenAt: this.clock.now(),
      eventsBefore,
    };
  }

  private async live(week: IsoWeek, scope: string): Promise<Briefing> {
    const figures = await this.figures(week, scope);
    return {
      ...figures,
      frozenAt: null,
      checksum: checksumOf(figures),
      eventsSinceFrozen: null,
      definitionsVersion: BRIEFING_DEFINITIONS_VERSION,
    };
  }

  private answer(kept: BriefingSnapshot, eventsSinceFrozen: number): Briefing {
    return {
      ...kept.figures,
      frozenAt: iso(kept.frozenAt),
      checksum: kept.checksum,
      eventsSinceFrozen,
      definitionsVersion: kept.definitionsVersion,
    };
  }

  private eventsSince(week: IsoWeek, window: TimeWindow, scope: string) {
    const province = this.directory.current.province?.code;
    const units = scope === province ? undefined : this.directory.current.subtree(scope);
    return this.repository.eventsSinceFrozen(week, scope, window.to, units);
  }

  /** Every figure of the briefing, computed now from the derived tables. */
  async figures(week: IsoWeek, scope: string): Promise<BriefingFigures> {
    const directory = this.directory.current;
    const unit = directory.units.get(scope);
    if (!unit) throw new BadRequestException(`scope: unknown unit code "${scope}"`);
    // The open week so far: in progress and overdue are as of now, not of next Monday (and its
    // ranking's previous window is the same length just before, as /rankings has it).
    const whole = this.windowOf(week);
    const window = { from: whole.from, to: Math.min(whole.to, this.clock.now()) };
    const previousWeek = previousIsoWeek(week);
    const previous = isoWeekWindow(previousWeek, this.calendar.clock);
    const slice = this.scopes.unitSlice(scope);
    const level: RankingLevel = scope === directory.province?.code ? 'district' : 'commune';
    const [current, before, ranking, lateAgencies, trend, form] = await Promise.all([
      this.metrics.summary(slice, scope, null, window),
      this.metrics.summary(slice, scope, null, previous),
      this.rankings.fullRanking(level, undefined, window),
      this.alerts.lateAgencies(scope, window),
      this.trend(week, scope),
      this.metrics.formCounts(slice, window),
    ]);
    const calendar = this.calendar.current;
    const currentCalendar = weekCalendar(week, calendar);
    const previousCalendar = weekCalendar(previousWeek, calendar);
    return {
      week,
      scope,
      scopeName: unit.name,
      from: iso(window.from),
      to: iso(window.to),
      previousWeek,
      current,
      previous: before,
      workingDays: { current: currentCalendar.workingDays, previous: previousCalendar.workingDays },
      calendar: { current: currentCalendar, previous: previousCalendar },
      ranking: {
        level,
        // Ranks stay province-wide; the rows are those inside the scope.
        rows: ranking.rows.filter((row) => directory.isWithin(row.code, scope)),
      },
      targets: briefingTargetsOf(current),
      lateAgencies: { rows: lateAgencies.rows },
      trend,
      form: { rows: formRowsOf(scope, directory, form) },
    };
  }

  /** Received, resolved, on-time rate and online share of the last weeks, this one included. */
  private async trend(week: IsoWeek, scope: string): Promise<BriefingTrendWeek[]> {
    const weeks = Array.from({ length: BRIEFING_TREND_WEEKS }, (_, index) =>
      addIsoWeeks(week, index + 1 - BRIEFING_TREND_WEEKS),
    );
    const firstDay = mondayOfIsoWeek(weeks[0]);
    const endDay = addDays(mondayOfIsoWeek(week), 7);
    const byDay = await this.metrics.countersByDay(this.scopes.unitSlice(scope), firstDay, endDay);
    return weeks.map((name) => {
      const counters = zeroCounters();
      const monday = mondayOfIsoWeek(name);
      for (let day = 0; day < 7; day++) {
        addCounters(counters, byDay.get(addDays(monday, day)) ?? {});
      }
      const rates = ratesOf({ ...emptyFigures(), counters });
      const window = isoWeekWindow(name, this.calendar.clock);
      const { workingDays, kind } = weekCalendar(name, this.calendar.current);
      return {
        week: name,
        from: iso(window.from),
        to: iso(window.to),
        received: counters.received,
        resolved: counters.resolved,
        onTimeRate: rates.onTime,
        onlineShare: rates.online,
        workingDays,
        kind,
      };
    });
  }
}

/**
 * `bao-cao-tuan-<week>-<scope>.<extension>`: a downloaded file names its week and scope (and,
 * for a week still open, that its figures are provisional).
 */
export function briefingFileName(briefing: Briefing, extension: string): string {
  const provisional = briefing.frozenAt === null ? '-tam-tinh' : '';
  const scope = briefing.scope.replace(/[^A-Za-z0-9-]+/g, '-');
  return `bao-cao-tuan-${briefing.week}-${scope}${provisional}.${extension}`;
}

/** sha256 of the figures' canonical JSON: the same figures, the same checksum, however stored. */
export function checksumOf(figures: BriefingFigures): string {
  return createHash('sha256').update(canonicalJson(figures)).digest('hex');
}
