import { REJECTION_REASONS } from '@ioc/domain';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EventBus } from '../bus/event-bus';
import { DataChangeChannel } from '../live/data-change-channel';
import { LiveService } from '../live/live.service';
import { ProjectionService } from '../projection/projection.service';

/** One HTTP request as the metrics count it: `route` is the route's pattern, never the URL. */
export interface HttpRequestRecord {
  method: string;
  route: string;
  status: number;
  seconds: number;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const PASS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The Prometheus registry of this instance and every series in it. Modules tell what happened on
 * the EventBus (events ingested, projection passes, live ticks); HTTP requests come from the
 * middleware; the projection queue and the live rooms are read when scraped. One registry per
 * application, so two applications in one process (tests) never share a count.
 */
@Injectable()
export class ObservabilityService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ObservabilityService.name);
  private readonly registry = new Registry();
  private readonly unsubscribe: (() => void)[] = [];

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its last byte, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly ingestedEvents = new Counter({
    name: 'ioc_ingest_events_total',
    help: 'Events posted to the ingest API, by outcome: accepted, duplicate or rejected',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly rejectedEvents = new Counter({
    name: 'ioc_ingest_events_rejected_total',
    help: 'Events rejected by the ingest API, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly queueLength = new Gauge({
    name: 'ioc_projection_queue_dossiers',
    help: 'Dossiers queued for the projection and not derived yet (NaN while the database does not answer)',
    registers: [this.registry],
  });
  private readonly queueAge = new Gauge({
    name: 'ioc_projection_queue_oldest_seconds',
    help: 'How long the oldest queued dossier has waited: how far the figures lag behind the events',
    registers: [this.registry],
  });
  private readonly setAside = new Gauge({
    name: 'ioc_projection_set_aside_dossiers',
    help: 'Dossiers set aside because they cannot be derived (GET /api/v1/admin/set-aside)',
    registers: [this.registry],
  });
  private readonly passDuration = new Histogram({
    name: 'ioc_projection_pass_duration_seconds',
    help: 'Time of each projection pass that derived dossiers',
    buckets: PASS_BUCKETS,
    registers: [this.registry],
  });
  private readonly projectedDossiers = new Counter({
    name: 'ioc_projection_dossiers_total',
    help: 'Dossiers taken by projection passes, by outcome: derived or set_aside',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly failedPasses = new Counter({
    name: 'ioc_projection_pass_failures_total',
    help: 'Projection passes that failed (retried whole by the next one)',
    registers: [this.registry],
  });
  private readonly logins = new Counter({
    name: 'ioc_auth_logins_total',
    help: 'Login attempts, by outcome: success, failure, or throttled (refused after too many failures)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly liveRooms = new Gauge({
    name: 'ioc_live_rooms',
    help: 'Live rooms (scope, window, visibility) watched on this instance',
    registers: [this.registry],
  });
  private readonly liveClients = new Gauge({
    name: 'ioc_live_clients',
    help: 'Live stream clients connected to this instance',
    registers: [this.registry],
  });
  private readonly tickDuration = new Histogram({
    name: 'ioc_live_tick_duration_seconds',
    help: 'Time of each live tick that recomputed rooms',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly updatesSent = new Counter({
    name: 'ioc_live_updates_sent_total',
    help: 'Live updates sent to clients (one per client of a room per update)',
    registers: [this.registry],
  });

  private readonly changeNotifications = new Counter({
    name: 'ioc_live_change_notifications_total',
    help: 'Data-change notifications between instances (PostgreSQL NOTIFY), by direction: sent or received',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  private readonly changesListening = new Gauge({
    name: 'ioc_live_changes_listening',
    help: "1 while this instance hears the other instances' data changes (its LISTEN connection is up), else 0",
    registers: [this.registry],
  });

  constructor(
    private readonly bus: EventBus,
    private readonly projection: ProjectionService,
    private readonly live: LiveService,
    private readonly dataChanges: DataChangeChannel,
  ) {
    // Every series exists from the start, so a rate over a quiet instance reads 0, not nothing.
    for (const outcome of ['accepted', 'duplicate', 'rejected'])
      this.ingestedEvents.inc({ outcome }, 0);
    for (const reason of REJECTION_REASONS) this.rejectedEvents.inc({ reason }, 0);
    for (const outcome of ['derived', 'set_aside']) this.projectedDossiers.inc({ outcome }, 0);
    for (const outcome of ['success', 'failure', 'throttled']) this.logins.inc({ outcome }, 0);
    for (const direction of ['sent', 'received']) this.changeNotifications.inc({ direction }, 0);
  }

  onModuleInit(): void {
    // Process metrics (CPU, memory, handles, GC) and the event loop's delay.
    collectDefaultMetrics({ register: this.registry });
    this.unsubscribe.push(
      this.bus.on('events.ingested', ({ accepted, duplicates, rejected }) => {
        this.ingestedEvents.inc({ outcome: 'accepted' }, accepted);
        this.ingestedEvents.inc({ outcome: 'duplicate' }, duplicates);
        for (const [reason, count] of Object.entries(rejected)) {
          this.ingestedEvents.inc({ outcome: 'rejected' }, count);
          this.rejectedEvents.inc({ reason }, count);
        }
      }),
      this.bus.on('dossiers.projected', ({ dossiers, setAside, seconds }) => {
        this.passDuration.observe(seconds);
        this.projectedDossiers.inc({ outcome: 'derived' }, dossiers - setAside);
        this.projectedDossiers.inc({ outcome: 'set_aside' }, setAside);
      }),
      this.bus.on('projection.failed', () => this.failedPasses.inc()),
      this.bus.on('login.attempted', ({ outcome }) => this.logins.inc({ outcome })),
      this.bus.on('live.ticked', ({ seconds }) => this.tickDuration.observe(seconds)),
      this.bus.on('live.published', ({ clients }) => this.updatesSent.inc(clients)),
      this.bus.on('live.changes-notified', ({ direction }) =>
        this.changeNotifications.inc({ direction }),
      ),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  recordHttpRequest({ method, route, status, seconds }: HttpRequestRecord): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** The media type of `exposition()`: Prometheus text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every series in Prometheus text, the sampled ones read now. */
  async exposition(): Promise<string> {
    await this.sample();
    return this.registry.metrics();
  }

  private async sample(): Promise<void> {
    const { rooms, clients } = this.live.stats();
    this.liveRooms.set(rooms);
    this.liveClients.set(clients);
    this.changesListening.set(this.dataChanges.listening ? 1 : 0);
    try {
      const status = await this.projection.status();
      this.queueLength.set(status.length);
      this.queueAge.set(status.oldestAgeMs / 1000);
      this.setAside.set(status.setAside);
    } catch (error) {
      // Unknown, not zero: a scrape while the database is away must not read as "no lag".
      this.logger.warn(
        `Metrics: the projection's status is unreadable: ${(error as Error).message}`,
      );
      for (const gauge of [this.queueLength, this.queueAge, this.setAside]) gauge.set(NaN);
    }
  }
}
