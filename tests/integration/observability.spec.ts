import type { IngestResult } from '@ioc/domain';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECTION_LOCK } from '../../apps/api/src/projection/projection.repository';
import { received, testProcedure } from '../support/events';
import { connectLive, nextUpdate, subscribe } from '../support/live-client';
import { counterOf, parsePrometheus, Sample, valueOf } from '../support/prometheus';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `GET /metrics` (issue 11): Prometheus text at the root, outside `/api/v1` and the dashboard's
 * fallback, with the series an operator watches: HTTP by route pattern, ingest outcomes, the
 * projection, the live stream, the process.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const PROCEDURE = testProcedure('TEST-OBS', 2);
const AT_COMMUNE = {
  unitCode: '25195',
  agencyCode: 'UBND-25195',
  procedureCode: PROCEDURE.code,
  channel: 'online' as const,
};

describe('GET /metrics', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
    await t.importProcedures([PROCEDURE]);
  });

  afterAll(() => t.close());

  async function scrape(): Promise<Sample[]> {
    const response = await t.http.get('/metrics');
    expect(response.status).toBe(200);
    return parsePrometheus(response.text);
  }

  /** Scrapes until `ready` holds of the samples (the projector and live ticks run on their own). */
  async function scrapeUntil(ready: (samples: Sample[]) => boolean): Promise<Sample[]> {
    let samples = await scrape();
    for (let tries = 0; tries < 50 && !ready(samples); tries++) {
      await sleep(100);
      samples = await scrape();
    }
    return samples;
  }

  it('answers Prometheus text at the root, not the dashboard, with process and event-loop metrics', async () => {
    const response = await t.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.text).not.toContain('<html');
    expect(response.text).toContain('# TYPE http_requests_total counter');
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    const samples = parsePrometheus(response.text);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // Not under the API's prefix: there it is an unknown API path.
    expect((await t.http.get('/api/v1/metrics')).status).toBe(404);
  });

  it('counts and times HTTP requests by route pattern and status, never by raw URL', async () => {
    const before = await scrape();
    const counted = (samples: Sample[], name: string, labels: Record<string, string>) =>
      counterOf(samples, name, labels) - counterOf(before, name, labels);
    for (const id of [987_001, 987_002, 987_003]) {
      const response = await t.http
        .delete(`/api/v1/admin/keys/${id}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(response.status).toBe(404);
    }
    expect((await t.get('/api/v1/metrics/summary', leader)).status).toBe(200);
    expect((await t.http.get('/api/v1/no-such-route/42')).status).toBe(404);

    const samples = await scrape();
    const keys = { method: 'DELETE', route: '/api/v1/admin/keys/:id', status: '404' };
    expect(counted(samples, 'http_requests_total', keys)).toBe(3);
    expect(counted(samples, 'http_request_duration_seconds_count', keys)).toBe(3);
    expect(counted(samples, 'http_request_duration_seconds_bucket', { ...keys, le: '+Inf' })).toBe(
      3,
    );
    expect(valueOf(samples, 'http_request_duration_seconds_sum', keys)).toBeGreaterThan(0);
    const summary = { method: 'GET', route: '/api/v1/metrics/summary', status: '200' };
    expect(counted(samples, 'http_requests_total', summary)).toBe(1);
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    expect(counted(samples, 'http_requests_total', unmatched)).toBe(1);
    const routes = new Set(samples.map((sample) => sample.labels.route).filter(Boolean));
    expect([...routes].filter((route) => /98700|no-such-route/.test(route))).toEqual([]);
  });

  it('counts events accepted, duplicate, and rejected by reason', async () => {
    const before = await scrape();
    const counted = (samples: Sample[], outcome: string) =>
      valueOf(samples, 'ioc_ingest_events_total', { outcome }) -
      valueOf(before, 'ioc_ingest_events_total', { outcome });
    const rejectedFor = (samples: Sample[], reason: string) =>
      valueOf(samples, 'ioc_ingest_events_rejected_total', { reason }) -
      valueOf(before, 'ioc_ingest_events_rejected_total', { reason });

    const first = received('OBS-1', '2026-11-20T09:00:00', AT_COMMUNE);
    const second = received('OBS-2', '2026-11-20T09:05:00', AT_COMMUNE);
    const response = await t.ingest([
      first,
      second,
      first, // a repeat within the request
      'not an event',
      { ...first, eventId: 'obs-x1', type: 'dossier.lost' },
      { ...first, eventId: 'obs-x2', occurredAt: '2026-11-20' },
      { ...first, eventId: 'obs-x3', unitCode: 'NOWHERE' },
    ]);
    expect(response.status).toBe(202);
    expect((response.body as IngestResult).rejected).toHaveLength(4);
    expect((await t.ingest([second])).status).toBe(202); // a repeat of a stored event

    const after = await scrape();
    expect(counted(after, 'accepted')).toBe(2);
    expect(counted(after, 'duplicate')).toBe(2);
    expect(counted(after, 'rejected')).toBe(4);
    expect(rejectedFor(after, 'not_an_object')).toBe(1);
    expect(rejectedFor(after, 'unknown_type')).toBe(1);
    expect(rejectedFor(after, 'invalid_fields')).toBe(1);
    expect(rejectedFor(after, 'unknown_code')).toBe(1);
  });

  it('shows the projection queue growing while the projection is held up, then its passes', async () => {
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    const passesBefore = valueOf(await scrape(), 'ioc_projection_pass_duration_seconds_count');
    await blocker.query('SELECT pg_advisory_lock($1)', [PROJECTION_LOCK]);
    try {
      const event = received('OBS-QUEUED', '2026-11-20T10:00:00', AT_COMMUNE);
      expect((await t.ingest([event], { wait: false })).status).toBe(202);
      await sleep(1_200);
      const held = await scrape();
      expect(valueOf(held, 'ioc_projection_queue_dossiers')).toBe(1);
      expect(valueOf(held, 'ioc_projection_queue_oldest_seconds')).toBeGreaterThanOrEqual(1);
      expect(valueOf(held, 'ioc_projection_set_aside_dossiers')).toBe(0);
    } finally {
      await blocker.query('SELECT pg_advisory_unlock($1)', [PROJECTION_LOCK]);
      await blocker.end();
    }
    const caughtUp = await scrapeUntil(
      (samples) => valueOf(samples, 'ioc_projection_queue_dossiers') === 0,
    );
    expect(valueOf(caughtUp, 'ioc_projection_queue_dossiers')).toBe(0);
    expect(valueOf(caughtUp, 'ioc_projection_queue_oldest_seconds')).toBe(0);
    expect(valueOf(caughtUp, 'ioc_projection_pass_duration_seconds_count')).toBeGreaterThan(
      passesBefore,
    );
    // OBS-1, OBS-2 and OBS-QUEUED, each derived by some pass.
    expect(
      valueOf(caughtUp, 'ioc_projection_dossiers_total', { outcome: 'derived' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('shows the live rooms and clients of this instance, its ticks and the updates sent', async () => {
    const idle = await scrape();
    expect(valueOf(idle, 'ioc_live_rooms')).toBe(0);
    expect(valueOf(idle, 'ioc_live_clients')).toBe(0);
    const sentBefore = valueOf(idle, 'ioc_live_updates_sent_total');

    const sockets = [await connectLive(t.url, leader), await connectLive(t.url, leader)];
    try {
      let receivedBefore = NaN;
      for (const socket of sockets) {
        const snapshot = await subscribe(socket, { scope: '25195', window: 'today' });
        if ('summary' in snapshot) receivedBefore = snapshot.summary.received.total;
      }
      const updates = sockets.map((socket) =>
        nextUpdate(socket, (snapshot) => snapshot.summary.received.total === receivedBefore + 1),
      );
      const event = received('OBS-LIVE', '2026-11-20T11:00:00', AT_COMMUNE);
      expect((await t.ingest([event])).status).toBe(202);
      await Promise.all(updates);

      const watching = await scrapeUntil(
        (samples) => valueOf(samples, 'ioc_live_updates_sent_total') >= sentBefore + 2,
      );
      expect(valueOf(watching, 'ioc_live_rooms')).toBe(1);
      expect(valueOf(watching, 'ioc_live_clients')).toBe(2);
      expect(valueOf(watching, 'ioc_live_updates_sent_total')).toBeGreaterThanOrEqual(
        sentBefore + 2,
      );
      expect(valueOf(watching, 'ioc_live_tick_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    } finally {
      for (const socket of sockets) socket.close();
    }
    const left = await scrapeUntil((samples) => valueOf(samples, 'ioc_live_clients') === 0);
    expect(valueOf(left, 'ioc_live_clients')).toBe(0);
    expect(valueOf(left, 'ioc_live_rooms')).toBe(0);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  it('answers 401 without the token or with another, 200 with it', async () => {
    const token = 'scrape-token-0123456789';
    const t = await startTestApp({ now: NOW, env: { METRICS_TOKEN: token } });
    try {
      expect((await t.http.get('/metrics')).status).toBe(401);
      const wrong = await t.http.get('/metrics').set('Authorization', `Bearer ${token}x`);
      expect(wrong.status).toBe(401);
      // A user's login token is no scraper's token.
      const login = await t.get('/metrics', await t.login('admin'));
      expect(login.status).toBe(401);
      const scraped = await t.get('/metrics', token);
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('# TYPE ioc_ingest_events_total counter');
    } finally {
      delete process.env.METRICS_TOKEN;
      await t.close();
    }
  });
});
