import { LiveSnapshot, windowBounds } from '@ioc/domain';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service';
import { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { DossierProjector } from '../dossiers/dossier-projector';
import { IngestService } from '../ingest/ingest.service';
import { MetricsService } from '../metrics/metrics.service';
import { Scopes } from '../metrics/scopes';
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
}

/** Where snapshots go: the gateway implements it with socket.io rooms. */
export interface LivePublisher {
  publish(room: string, snapshot: LiveSnapshot): void;
  /** Tells the other API instances that data changed. */
  announceChange(): void;
}

/**
 * Keeps one snapshot per watched room, recomputes it when data changed (at most every
 * LIVE_TICK_MS, so bursts of events are coalesced) and at least every LIVE_HEARTBEAT_MS (time
 * alone moves "today", overdue dossiers and windows), and publishes it with `seq` rising by one.
 */
@Injectable()
export class LiveService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly rooms = new Map<string, Room>();
  /** Last seq of every room ever watched: a room watched again goes on counting. */
  private readonly lastSeq = new Map<string, number>();
  private publisher: LivePublisher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  /** Work done per tick, for the benchmark: it must not grow with the number of clients. */
  readonly stats = { ticks: 0, computations: 0, publications: 0 };

  constructor(
    private readonly ingest: IngestService,
    private readonly projector: DossierProjector,
    private readonly metrics: MetricsService,
    private readonly rankings: RankingsService,
    private readonly alerts: AlertsService,
    private readonly scopes: Scopes,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const changedHere = () => {
      this.markChanged();
      this.publisher?.announceChange();
    };
    this.projector.events.on('projected', changedHere);
    this.ingest.events.on('staffing', changedHere);
    this.timer = setInterval(() => void this.tick(), this.config.liveTickMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  attach(publisher: LivePublisher): void {
    this.publisher = publisher;
  }

  /** Data changed here or on another instance. */
  markChanged(): void {
    for (const room of this.rooms.values()) room.dirty = true;
  }

  /** The room's current snapshot, computed now if it has none or is out of date. */
  async join(key: RoomKey, viewer: Principal): Promise<LiveSnapshot> {
    const name = roomName(key);
    let room = this.rooms.get(name);
    if (!room) {
      room = { key, viewer, snapshot: undefined, dirty: true, computedAt: 0 };
      this.rooms.set(name, room);
    }
    if (!room.snapshot || room.dirty) await this.refresh(room, false);
    return room.snapshot!;
  }

  /** Forgets a room nobody watches any more on this instance. */
  release(name: string): void {
    this.rooms.delete(name);
  }

  async tick(): Promise<void> {
    if (this.ticking) return; // a slow tick is not overlapped by the next one
    this.ticking = true;
    try {
      this.stats.ticks++;
      for (const room of [...this.rooms.values()]) {
        const stale = performance.now() - room.computedAt >= this.config.liveHeartbeatMs;
        if (room.dirty || stale) await this.refresh(room, true);
      }
    } catch (error) {
      this.logger.error(`Live tick failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async refresh(room: Room, publish: boolean): Promise<void> {
    room.dirty = false;
    const now = this.clock.now();
    const window = windowBounds(room.key.window, now, this.calendar.clock);
    const { scope, slice } = this.scopes.resolve(room.viewer, room.key.scope, undefined);
    const [summary, ranking, lateAgencies] = await Promise.all([
      this.metrics.summary(slice, scope, null, window),
      this.rankings.ranking(room.viewer, 'district', undefined, window),
      this.alerts.lateAgencies(scope, window),
    ]);
    this.stats.computations++;
    room.computedAt = performance.now();
    const name = roomName(room.key);
    const seq = (this.lastSeq.get(name) ?? 0) + 1;
    this.lastSeq.set(name, seq);
    room.snapshot = {
      seq,
      scope,
      window: room.key.window,
      asOf: summary.asOf,
      summary,
      ranking,
      lateAgencies,
    };
    if (publish && this.rooms.has(name)) {
      this.publisher?.publish(name, room.snapshot);
      this.stats.publications++;
    }
  }
}
