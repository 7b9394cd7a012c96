import {
  GroupFigures,
  LiveRanking,
  liveRankingOf,
  LiveSnapshot,
  LiveUpdate,
  previousWindow,
  Ranking,
  sumFigures,
  summaryOf,
  TimeWindow,
  windowBounds,
  WindowName,
} from '@ioc/domain';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AlertsService } from '../alerts/alerts.service';
import { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { EventBus } from '../bus/event-bus';
import { MetricsService, ProvinceFigures } from '../metrics/metrics.service';
import { Freshness, ProjectionService } from '../projection/projection.service';
import { Slice } from '../metrics/slice';
import { RankingsService } from '../rankings/rankings.service';
import { RoomKey, roomName } from './live-rooms';

interface Room {
  key: RoomKey;
  /** A principal allowed to read this room, to compute it with the same rules as REST. */
  viewer: Principal;
  snapshot: LiveSnapshot | undefined;
  dirty: boolean;
  /** Monotonic time of the last computation: the heartbeat runs on real time, not business time. */
  computedAt: number;
  /** Monotonic time the room's ranking last went out changed. */
  rankingSentAt: number;
  /** The ranking changed within LIVE_RANKING_MS of the last one sent: a later tick sends it. */
  rankingHeld: boolean;
  /** The computation under way: a subscriber arriving meanwhile waits for it, not a second one. */
  computing: Promise<LiveSnapshot> | undefined;
}

/**
 * What a room's updates count, kept for every room ever watched: a room watched again goes on
 * counting, so `seq` and `rankingSeq` never go back.
 */
interface RoomCounters {
  seq: number;
  rankingSeq: number;
  /** A hash of the ranking of `rankingSeq`, to tell a changed one cheaply. */
  rankingFingerprint: string | undefined;
}

/**
 * What every room of one window is computed from: the figures of every unit and agency, and the
 * district ranking (a viewer sees a filtered copy). Read once per window and instant, so the
 * database work of a tick depends on the windows watched, not on the rooms or the clients.
 */
interface WindowReading {
  window: TimeWindow;
  /** How fresh the figures are, read before them. */
  freshness: Freshness;
  province: ProvinceFigures;
  /** Per-unit figures of the window just before, for a scoped room's ranking of children. */
  before: Map<string, GroupFigures>;
  districtRanking: Ranking;
  /** What agency rooms need besides: read once per window and tick, the first time one asks. */
  agencies: () => Promise<AgencyReading>;
}

/** Each agency's carried-over count and its figures of the window before (for `previousRank`). */
interface AgencyReading {
  carriedOverByAgency: Map<string, number>;
  before: Map<string, GroupFigures>;
}

/** The readings of one instant (a tick), by window, each made when a room first needs it. */
type ReadingsAt = (window: WindowName) => Promise<WindowReading>;

/** Where snapshots go: the gateway implements it with socket.io rooms. */
export interface LivePublisher {
  /** Sends the update to the room's clients on this instance; answers how many there are. */
  publish(room: string, update: LiveUpdate): number;
  /** Tells the other API instances that data changed. */
  announceChange(): void;
  /** The clients connected to this instance. */
  clients(): number;
}

/** What this instance's live stream carries right now. */
export interface LiveStats {
  rooms: number;
  clients: number;
}

/**
 * Keeps one snapshot per watched room, recomputes it as soon as data changed (a tick starts at
 * once, but at most one every LIVE_TICK_MS and never two at a time, so bursts of events are
 * coalesced) and at least every LIVE_HEARTBEAT_MS (time alone moves "today", overdue dossiers and
 * windows), and publishes it with `seq` rising by one. The ranking, by far the heaviest part,
 * goes out only when it changed, at most every LIVE_RANKING_MS (SPEC §5; the contract's
 * `LiveUpdate`).
 */
@Injectable()
export class LiveService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly rooms = new Map<string, Room>();
  private readonly counters = new Map<string, RoomCounters>();
  private publisher: LivePublisher | undefined;
  /** The next tick, and the monotonic time it is due at. */
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = Infinity;
  private ticking = false;
  /** Monotonic start of the last tick: the next one starts LIVE_TICK_MS after it at the soonest. */
  private tickStartedAt = -Infinity;
  private stopped = false;

  constructor(
    private readonly bus: EventBus,
    private readonly metrics: MetricsService,
    private readonly projection: ProjectionService,
    private readonly rankings: RankingsService,
    private readonly alerts: AlertsService,
    private readonly directory: DirectoryService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const changedHere = () => {
      this.markChanged();
      this.publisher?.announceChange();
    };
    this.bus.on('dossiers.projected', changedHere);
    this.bus.on('staffing.recorded', changedHere);
    this.wake(this.config.liveTickMs);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  attach(publisher: LivePublisher): void {
    this.publisher = publisher;
  }

  stats(): LiveStats {
    return { rooms: this.rooms.size, clients: this.publisher?.clients() ?? 0 };
  }

  /** Data changed here or on another instance: the rooms are computed again as soon as may be. */
  markChanged(): void {
    for (const room of this.rooms.values()) room.dirty = true;
    // A tick under way plans the next one when it ends.
    if (!this.ticking) this.wake(this.untilNextTickMayStart());
  }

  /**
   * The room's current snapshot, computed now if it has none or is out of date. A computation
   * is published to the room like any other, so its other viewers see no gap in `seq`.
   */
  async join(key: RoomKey, viewer: Principal): Promise<LiveSnapshot> {
    const name = roomName(key);
    let room = this.rooms.get(name);
    if (!room) {
      room = {
        key,
        viewer,
        snapshot: undefined,
        dirty: true,
        computedAt: 0,
        rankingSentAt: -Infinity,
        rankingHeld: false,
        computing: undefined,
      };
      this.rooms.set(name, room);
    }
    if (room.snapshot && !room.dirty && !room.computing) return room.snapshot;
    return this.refresh(room, this.readingsAt(this.clock.now()));
  }

  /** Forgets a room nobody watches any more on this instance. */
  release(name: string): void {
    this.rooms.delete(name);
  }

  async tick(): Promise<void> {
    if (this.ticking) return; // a slow tick is not overlapped by the next one
    this.ticking = true;
    try {
      const started = performance.now();
      const due = [...this.rooms.values()].filter(
        (room) =>
          room.dirty ||
          started - room.computedAt >= this.config.liveHeartbeatMs ||
          (room.rankingHeld && started - room.rankingSentAt >= this.config.liveRankingMs),
      );
      if (due.length === 0) return;
      this.tickStartedAt = started;
      // Rooms are computed side by side: each waits for the database, not for the other rooms.
      const readings = this.readingsAt(this.clock.now());
      const results = await Promise.allSettled(due.map((room) => this.refresh(room, readings)));
      for (const result of results) {
        if (result.status === 'rejected')
          this.logger.error(`Live tick failed: ${(result.reason as Error).message}`);
      }
      const seconds = (performance.now() - started) / 1000;
      this.bus.emit('live.ticked', { rooms: due.length, seconds });
    } finally {
      this.ticking = false;
      // Data that changed during the tick goes out next; otherwise look again for heartbeats.
      const changed = [...this.rooms.values()].some((room) => room.dirty);
      this.wake(changed ? this.untilNextTickMayStart() : this.config.liveTickMs);
    }
  }

  private untilNextTickMayStart(): number {
    return Math.max(0, this.tickStartedAt + this.config.liveTickMs - performance.now());
  }

  /** Runs a tick in `delayMs`, unless one is due sooner already. */
  private wake(delayMs: number): void {
    const dueAt = performance.now() + delayMs;
    if (this.stopped || (this.timer && this.timerDueAt <= dueAt)) return;
    clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDueAt = Infinity;
      void this.tick();
    }, delayMs);
  }

  private readingsAt(now: number): ReadingsAt {
    const readings = new Map<WindowName, Promise<WindowReading>>();
    // Read once, before any figure of the instant: they then hold every event stored before `asOf`.
    let freshness: Promise<Freshness> | undefined;
    return (name) => {
      let reading = readings.get(name);
      if (!reading) {
        freshness ??= this.projection.freshness();
        reading = this.read(windowBounds(name, now, this.calendar.clock), freshness);
        readings.set(name, reading);
      }
      return reading;
    };
  }

  private async read(
    window: TimeWindow,
    freshnessRead: Promise<Freshness>,
  ): Promise<WindowReading> {
    const freshness = await freshnessRead;
    const [province, before] = await Promise.all([
      this.metrics.provinceFigures(window),
      this.metrics.figures({ by: 'unit', grouped: true }, previousWindow(window), 'score'),
    ]);
    let agencies: Promise<AgencyReading> | undefined;
    const byAgency: Slice = { by: 'agency', grouped: true };
    return {
      window,
      freshness,
      province,
      before,
      districtRanking: this.rankings.unitRankingOf('district', window, province.byUnit, before),
      agencies: () =>
        (agencies ??= Promise.all([
          this.metrics.carriedOver(byAgency, window),
          this.metrics.figures(byAgency, previousWindow(window), 'score'),
        ]).then(([carriedOverByAgency, agencyBefore]) => ({
          carriedOverByAgency,
          before: agencyBefore,
        }))),
    };
  }

  /** A unit with everything below it: its ranking (see rankingOf) and its subtree's late agencies. */
  private unitFigures(scope: string, viewer: Principal, reading: WindowReading) {
    const { window, freshness, province } = reading;
    const units = this.directory.current.subtree(scope);
    const summary = summaryOf(
      sumFigures(units.map((unit) => province.byUnit.get(unit))),
      units.reduce((total, unit) => total + (province.carriedOverByUnit.get(unit) ?? 0), 0),
      { scope, agency: null, window, ...freshness },
      this.config.metricSettings,
    );
    const lateAgencies = this.alerts.lateAgenciesOf(scope, window, province.byAgency);
    return { summary, ranking: this.rankingOf(scope, viewer, reading), lateAgencies };
  }

  /** One agency: its figures, the ranking of the agencies of its kind, itself if it runs late. */
  private async agencyFigures(
    scope: string,
    agency: string,
    viewer: Principal,
    reading: WindowReading,
  ) {
    const { window, freshness, province } = reading;
    const { carriedOverByAgency, before } = await reading.agencies();
    const summary = summaryOf(
      sumFigures([province.byAgency.get(agency)]),
      carriedOverByAgency.get(agency) ?? 0,
      { scope, agency, window, ...freshness },
      this.config.metricSettings,
    );
    const kind = this.directory.current.agencies.get(agency)?.kind;
    const ranking = this.rankings.visibleTo(
      viewer,
      this.rankings.agencyRankingOf(kind, window, province.byAgency, before),
    );
    const lateAgencies = this.alerts.lateAgenciesOf(scope, window, province.byAgency, agency);
    return { summary, ranking, lateAgencies };
  }

  /**
   * The province's wall ranks the units right below it (as its viewer may see them); a unit's own
   * wall ranks that unit's children among themselves.
   */
  private rankingOf(scope: string, viewer: Principal, reading: WindowReading): Ranking {
    if (scope === this.directory.current.province?.code)
      return this.rankings.visibleTo(viewer, reading.districtRanking);
    return this.rankings.childRankingOf(
      scope,
      reading.window,
      reading.province.byUnit,
      reading.before,
    );
  }

  private refresh(room: Room, readings: ReadingsAt): Promise<LiveSnapshot> {
    room.computing ??= this.compute(room, readings).finally(() => {
      room.computing = undefined;
    });
    return room.computing;
  }

  private async compute(room: Room, readings: ReadingsAt): Promise<LiveSnapshot> {
    room.dirty = false;
    const reading = await readings(room.key.window);
    const { summary, ranking, lateAgencies } =
      room.key.agency === null
        ? this.unitFigures(room.key.scope, room.viewer, reading)
        : await this.agencyFigures(room.key.scope, room.key.agency, room.viewer, reading);
    room.computedAt = performance.now();
    const name = roomName(room.key);
    const counters = this.counters.get(name) ?? {
      seq: 0,
      rankingSeq: 0,
      rankingFingerprint: undefined,
    };
    this.counters.set(name, counters);
    const current = liveRankingOf(ranking);
    const sent = this.rankingToSend(room, counters, current);
    counters.seq++;
    room.snapshot = {
      seq: counters.seq,
      scope: room.key.scope,
      window: room.key.window,
      asOf: summary.asOf,
      summary,
      rankingSeq: counters.rankingSeq,
      // The room holds the ranking last sent: a change held back is not its clients' yet.
      ranking: sent ?? room.snapshot?.ranking ?? current,
      lateAgencies,
    };
    if (this.rooms.has(name) && this.publisher) {
      const clients = this.publisher.publish(name, { ...room.snapshot, ranking: sent });
      this.bus.emit('live.published', { clients });
    }
    return room.snapshot;
  }

  /**
   * The ranking the room's clients must be sent, or null when they hold it already (the one of
   * `rankingSeq`) or it changed too soon after the last one sent: that change goes out with the
   * first computation LIVE_RANKING_MS after (the tick sees to it), so under a stream of events the
   * counts go out every tick and the ranking at most every LIVE_RANKING_MS.
   */
  private rankingToSend(
    room: Room,
    counters: RoomCounters,
    ranking: LiveRanking,
  ): LiveRanking | null {
    const fingerprint = createHash('sha1').update(JSON.stringify(ranking)).digest('base64');
    const changed = fingerprint !== counters.rankingFingerprint;
    // A room (new on this instance) holds no ranking yet: it needs this one whatever it is.
    if (!room.snapshot) {
      if (changed) counters.rankingSeq++;
    } else if (!changed) {
      room.rankingHeld = false;
      return null;
    } else if (room.computedAt - room.rankingSentAt < this.config.liveRankingMs) {
      room.rankingHeld = true;
      return null;
    } else {
      counters.rankingSeq++;
    }
    counters.rankingFingerprint = fingerprint;
    room.rankingSentAt = room.computedAt;
    room.rankingHeld = false;
    return ranking;
  }
}
