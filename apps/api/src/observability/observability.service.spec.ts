import { EventBus } from '../bus/event-bus';
import type { DataChangeChannel } from '../live/data-change-channel';
import type { LiveService } from '../live/live.service';
import type { ProjectionService, ProjectionStatus } from '../projection/projection.service';
import { ObservabilityService } from './observability.service';

/** The samples of one metric in the exposition, as `labels value` lines. */
function linesOf(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .map((line) => line.slice(name.length).trim());
}

describe('ObservabilityService', () => {
  let bus: EventBus;
  let status: () => Promise<ProjectionStatus>;
  let service: ObservabilityService;

  beforeEach(() => {
    bus = new EventBus();
    status = () =>
      Promise.resolve({ length: 3, oldestAgeMs: 2_500, setAside: 1, asOf: Date.now() - 2_500 });
    const projection = { status: () => status() } as unknown as ProjectionService;
    const live = { stats: () => ({ rooms: 2, clients: 5 }) } as unknown as LiveService;
    const dataChanges = { listening: true } as DataChangeChannel;
    service = new ObservabilityService(bus, projection, live, dataChanges);
    service.onModuleInit();
  });

  afterEach(() => service.onModuleDestroy());

  it('reads the projection queue and the live stream when scraped', async () => {
    const text = await service.exposition();
    expect(linesOf(text, 'ioc_projection_queue_dossiers')).toEqual(['3']);
    expect(linesOf(text, 'ioc_projection_queue_oldest_seconds')).toEqual(['2.5']);
    expect(linesOf(text, 'ioc_projection_set_aside_dossiers')).toEqual(['1']);
    expect(linesOf(text, 'ioc_live_rooms')).toEqual(['2']);
    expect(linesOf(text, 'ioc_live_clients')).toEqual(['5']);
    expect(linesOf(text, 'ioc_live_changes_listening')).toEqual(['1']);
  });

  it('says the projection gauges are unknown (NaN), not zero, while the database does not answer', async () => {
    await service.exposition();
    status = () => Promise.reject(new Error('connect ECONNREFUSED'));
    const text = await service.exposition();
    // prom-client writes NaN as `Nan`; Prometheus reads it case-insensitively.
    expect(linesOf(text, 'ioc_projection_queue_dossiers')).toEqual(['Nan']);
    expect(linesOf(text, 'ioc_projection_queue_oldest_seconds')).toEqual(['Nan']);
    // The rest of the scrape still answers.
    expect(linesOf(text, 'ioc_live_clients')).toEqual(['5']);
  });

  it('counts what the bus tells, and every outcome and reason from the start', async () => {
    let text = await service.exposition();
    expect(linesOf(text, 'ioc_ingest_events_rejected_total')).toEqual([
      '{reason="not_an_object"} 0',
      '{reason="unknown_type"} 0',
      '{reason="invalid_fields"} 0',
      '{reason="unknown_code"} 0',
    ]);
    bus.emit('events.ingested', { accepted: 5, duplicates: 2, rejected: { unknown_code: 3 } });
    bus.emit('dossiers.projected', { dossiers: 4, setAside: 1, seconds: 0.2 });
    bus.emit('projection.failed', { message: 'connection lost' });
    bus.emit('live.ticked', { rooms: 3, seconds: 0.03 });
    bus.emit('live.published', { clients: 7 });
    bus.emit('live.changes-notified', { direction: 'received' });
    bus.emit('login.attempted', { outcome: 'failure' });
    bus.emit('login.attempted', { outcome: 'throttled' });
    text = await service.exposition();
    expect(linesOf(text, 'ioc_auth_logins_total')).toEqual([
      '{outcome="success"} 0',
      '{outcome="failure"} 1',
      '{outcome="throttled"} 1',
    ]);
    expect(linesOf(text, 'ioc_ingest_events_total')).toEqual([
      '{outcome="accepted"} 5',
      '{outcome="duplicate"} 2',
      '{outcome="rejected"} 3',
    ]);
    expect(linesOf(text, 'ioc_ingest_events_rejected_total')).toContain(
      '{reason="unknown_code"} 3',
    );
    expect(linesOf(text, 'ioc_projection_dossiers_total')).toEqual([
      '{outcome="derived"} 3',
      '{outcome="set_aside"} 1',
    ]);
    expect(linesOf(text, 'ioc_projection_pass_duration_seconds_count')).toEqual(['1']);
    expect(linesOf(text, 'ioc_projection_pass_failures_total')).toEqual(['1']);
    expect(linesOf(text, 'ioc_live_tick_duration_seconds_sum')).toEqual(['0.03']);
    expect(linesOf(text, 'ioc_live_updates_sent_total')).toEqual(['7']);
    expect(linesOf(text, 'ioc_live_change_notifications_total')).toEqual([
      '{direction="sent"} 0',
      '{direction="received"} 1',
    ]);
  });

  it('labels HTTP requests by method, route and status', async () => {
    service.recordHttpRequest({
      method: 'GET',
      route: '/api/v1/rankings',
      status: 200,
      seconds: 0.02,
    });
    service.recordHttpRequest({
      method: 'GET',
      route: '/api/v1/rankings',
      status: 200,
      seconds: 0.3,
    });
    const text = await service.exposition();
    expect(linesOf(text, 'http_requests_total')).toEqual([
      '{method="GET",route="/api/v1/rankings",status="200"} 2',
    ]);
    expect(linesOf(text, 'http_request_duration_seconds_bucket')).toContain(
      '{le="0.25",method="GET",route="/api/v1/rankings",status="200"} 1',
    );
  });

  it('stops listening to the bus when the module is destroyed', async () => {
    service.onModuleDestroy();
    bus.emit('live.published', { clients: 7 });
    expect(linesOf(await service.exposition(), 'ioc_live_updates_sent_total')).toEqual(['0']);
  });
});
