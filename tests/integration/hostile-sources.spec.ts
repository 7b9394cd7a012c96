import {
  local,
  paused,
  payment,
  rating,
  received,
  resumed,
  testProcedure,
} from '../support/events';
import { messageOf, startTestApp, TestApp } from '../support/test-app';
import type { IngestResult, MetricsSummary } from '@ioc/domain';
import { RebuildService } from '../../apps/api/src/projection/rebuild.service';

/**
 * SPEC §3, "Nothing an ingest key sends may stop the figures": what a hostile or broken source
 * system sends, through HTTP, against the application exactly as `main.ts` builds it. A bad
 * event is rejected with its reason and the good ones beside it are kept; a dossier that still
 * cannot be derived is set aside and every other dossier goes on being derived.
 * "Now" is Friday 20/11/2026 17:00 (+07:00).
 */
const NOW = '2026-11-20T17:00:00+07:00';
const MORNING = '2026-11-20T09:00:00';
const PROCEDURE = testProcedure('TEST-HOSTILE', 2, { feeVnd: 50_000 });

/** A dossier received this morning at a commune of Đồng Xoài (689). */
const receivedAt = (unitCode: string, dossierId: string, extra: object = {}) =>
  received(dossierId, MORNING, {
    unitCode,
    agencyCode: `UBND-${unitCode}`,
    procedureCode: PROCEDURE.code,
    channel: 'online',
    ...extra,
  });

describe('hostile sources: nothing an ingest key sends stops the figures', () => {
  let t: TestApp;
  let leader: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    leader = await t.login('leader');
    admin = await t.login('admin');
    await t.importProcedures([PROCEDURE]);
  });

  afterAll(() => t.close());

  async function summary(scope: string, window = '') {
    const response = await t.get(`/api/v1/metrics/summary?scope=${scope}${window}`, leader);
    expect(response.status).toBe(200);
    return response.body as MetricsSummary;
  }

  async function ingest(events: unknown[]): Promise<IngestResult> {
    const response = await t.ingest(events);
    expect(response.status).toBe(202);
    return response.body as IngestResult;
  }

  async function projectionHealth() {
    const response = await t.http.get('/api/v1/health');
    expect(response.status).toBe(200);
    return (response.body as { projection: { queued: number; setAside: number } }).projection;
  }

  async function setAside() {
    const response = await t.get('/api/v1/admin/set-aside', admin);
    expect(response.status).toBe(200);
    return response.body as {
      total: number;
      rows: { dossierId: string; reason: string; eventIds: string[]; setAsideAt: string }[];
    };
  }

  it('rejects each out-of-bounds event with its reason and keeps the good ones of the batch', async () => {
    const good = [receivedAt('25195', 'HOST-GOOD-1'), receivedAt('25195', 'HOST-GOOD-2')];
    const bad = [
      { ...receivedAt('25195', 'HOST-Y9999'), occurredAt: '9999-12-31T23:59:59+07:00' },
      { ...receivedAt('25195', 'HOST-DUE'), dueAt: '9999-12-31T23:59:59-12:00' },
      { ...receivedAt('25195', 'HOST-Y0'), occurredAt: '0000-01-01T00:00:00+07:00' },
      { ...receivedAt('25195', 'HOST-OFFSET'), occurredAt: '2026-11-20T09:00:00+23:59' },
      { ...receivedAt('25195', 'HOST-NUL\u0000') },
      payment('HOST-GOOD-1', MORNING, 'P-MAX', 9_007_199_254_740_991, 'succeeded'),
      {
        eventId: 'HOST-QUOTA',
        type: 'staffing.reported',
        occurredAt: local(MORNING),
        agencyCode: 'UBND-25195',
        quota: 3_000_000_000,
        headcount: 10,
        onDuty: 2,
      },
    ];
    const result = await ingest([good[0], ...bad, good[1]]);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      {
        index: 1,
        eventId: bad[0].eventId,
        errors: ['occurredAt: must lie between 2000-01-01 and 2100-01-01'],
      },
      {
        index: 2,
        eventId: bad[1].eventId,
        errors: ['dueAt: must lie between 2000-01-01 and 2100-01-01'],
      },
      {
        index: 3,
        eventId: bad[2].eventId,
        errors: ['occurredAt: must lie between 2000-01-01 and 2100-01-01'],
      },
      {
        index: 4,
        eventId: bad[3].eventId,
        errors: ['occurredAt: the time zone offset must lie between -12:00 and +14:00'],
      },
      {
        index: 5,
        eventId: bad[4].eventId,
        errors: ['dossierId: dossierId must not contain control characters'],
      },
      { index: 6, eventId: bad[5].eventId, errors: ['amountVnd: must not exceed 10^15 VND'] },
      { index: 7, eventId: 'HOST-QUOTA', errors: ['quota: must not exceed 1,000,000'] },
    ]);
    expect((await summary('25195')).received.total).toBe(2);
  });

  it('answers 400 to a body that is not a JSON object, and 413 to one over the limit, on every endpoint', async () => {
    const endpoints: { method: 'post' | 'put'; path: string; token?: string; key?: string }[] = [
      { method: 'post', path: '/api/v1/events', key: 'demo-ingest-key' },
      { method: 'post', path: '/api/v1/auth/login' },
      { method: 'post', path: '/api/v1/directory/import', token: admin },
      { method: 'post', path: '/api/v1/admin/users', token: admin },
      { method: 'put', path: '/api/v1/calendar/overrides/2026-12-24', token: admin },
    ];
    const oversized = JSON.stringify({ padding: 'x'.repeat(9 * 1024 * 1024) });
    for (const { method, path, token, key } of endpoints) {
      const send = (body: string) => {
        let call = t.http[method](path).set('Content-Type', 'application/json');
        if (token) call = call.set('Authorization', `Bearer ${token}`);
        if (key) call = call.set('X-Api-Key', key);
        return call.send(body);
      };
      for (const body of ['{"events": [', 'null', '42', '"text"']) {
        const response = await send(body);
        expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(messageOf(response)).toMatch(/JSON/);
      }
      const tooLarge = await send(oversized);
      expect({ path, status: tooLarge.status }).toEqual({ path, status: 413 });
      expect(messageOf(tooLarge)).toMatch(/too large/);
    }
  });

  it('keeps deriving after 1,100 payments of 10^15 VND on one dossier: no total overflows', async () => {
    const dossier = receivedAt('25213', 'HOST-RICH', { feeVnd: 1e15 });
    const payments = Array.from({ length: 1_100 }, (_, index) =>
      payment('HOST-RICH', MORNING, `RICH-${index}`, 1e15, 'succeeded'),
    );
    expect((await ingest([dossier, ...payments])).accepted).toBe(1_101);
    const after = receivedAt('25213', 'HOST-AFTER-RICH');
    expect((await ingest([after])).accepted).toBe(1);
    const figures = await summary('25213');
    expect(figures.received.total).toBe(2);
    expect(figures.payments).toEqual({ succeeded: 1_100, amountVnd: 1.1e18, failed: 0 });
    expect((await setAside()).total).toBe(0);
  });

  it('derives a dossier paused for a century, and health answers while it does', async () => {
    const events = [
      received('HOST-CENTURY', '2000-01-03T09:00:00', {
        unitCode: '25216',
        agencyCode: 'UBND-25216',
        procedureCode: PROCEDURE.code,
        channel: 'direct',
      }),
      paused('HOST-CENTURY', '2000-01-04T09:00:00'),
      resumed('HOST-CENTURY', '2099-12-30T09:00:00'),
    ];
    const ingested = ingest(events);
    const health = await t.http.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect((await ingested).accepted).toBe(3);
    const figures = await summary(
      '25216',
      '&from=2000-01-01T00:00:00%2B07:00&to=2000-01-10T00:00:00%2B07:00',
    );
    expect(figures.received.total).toBe(1);
    expect(figures.inProgress).toMatchObject({ total: 1, paused: 1, overdue: 0 });
  });

  describe('a dossier that cannot be derived', () => {
    // Valid events whose dossier cannot be derived: due at the end of 2099, then paused for a
    // century, the due date moves beyond the years the working calendar knows.
    const beyondCalendar = [
      receivedAt('25195', 'HOST-BEYOND', { dueAt: local('2099-12-31T17:00:00') }),
      paused('HOST-BEYOND', '2026-11-20T10:00:00'),
      resumed('HOST-BEYOND', '2099-12-30T10:00:00'),
    ];

    it('is set aside with its reason and events while thousands of others derive', async () => {
      const others = Array.from({ length: 3_000 }, (_, index) =>
        receivedAt('25204', `HOST-MANY-${index}`),
      );
      const result = await ingest([
        ...others.slice(0, 1_500),
        ...beyondCalendar,
        ...others.slice(1_500),
      ]);
      expect(result).toEqual({ accepted: 3_003, duplicates: 0, rejected: [] });
      expect((await summary('25204')).received.total).toBe(3_000);
      const list = await setAside();
      expect(list.rows.map(({ dossierId, eventIds }) => ({ dossierId, eventIds }))).toEqual([
        { dossierId: 'HOST-BEYOND', eventIds: beyondCalendar.map((event) => event.eventId).sort() },
      ]);
      expect(list.rows[0].reason).toMatch(
        /^derivation failed: working days are known from 1990 to 2150/,
      );
      expect(Date.parse(list.rows[0].setAsideAt)).not.toBeNaN();
      // Not counted anywhere while it is set aside; the health check says it is there.
      expect((await summary('25195')).received.total).toBe(2);
      expect(await projectionHealth()).toMatchObject({ setAside: 1, queued: 0 });
    });

    it('is derived again when a new event for it arrives, and leaves the list', async () => {
      // The source corrects itself: the dossier is resolved before the pause would end.
      const resolution = {
        eventId: 'HOST-BEYOND-RESOLVED',
        type: 'dossier.resolved',
        occurredAt: local('2026-11-20T11:00:00'),
        dossierId: 'HOST-BEYOND',
        outcome: 'approved',
      };
      // Its resumption (2099) now lies after its end: it no longer moves the due date.
      expect((await ingest([resolution])).accepted).toBe(1);
      expect((await setAside()).total).toBe(0);
      expect((await summary('25195')).received.total).toBe(3);
    });

    it('is set aside by a rebuild too, which completes and reports it', async () => {
      const result = await ingest([
        receivedAt('25195', 'HOST-BEYOND-2', { dueAt: local('2099-12-31T17:00:00') }),
        paused('HOST-BEYOND-2', '2026-11-20T10:00:00'),
        resumed('HOST-BEYOND-2', '2099-12-30T10:00:00'),
      ]);
      expect(result.accepted).toBe(3);
      const before = await summary('25204');
      const report = await t.app.get(RebuildService).rebuild();
      expect(report.setAside.map((dossier) => dossier.dossierId)).toEqual(['HOST-BEYOND-2']);
      expect(report.dossiers).toBeGreaterThan(3_000);
      expect((await setAside()).rows.map((row) => row.dossierId)).toEqual(['HOST-BEYOND-2']);
      expect((await summary('25204')).received).toEqual(before.received);
    });
  });

  it('sets aside a dossier the database refuses (more facts than it holds) and derives the rest', async () => {
    // 33,000 ratings of one dossier: each is valid, together they exceed what a dossier's facts
    // are numbered with (32,767). The dossiers posted beside them are derived all the same.
    const ratings = Array.from({ length: 33_000 }, () => rating('HOST-RATED', MORNING, 5));
    expect((await ingest([receivedAt('25207', 'HOST-RATED')])).accepted).toBe(1);
    let beside = 0;
    for (let start = 0; start < ratings.length; start += 4_999) {
      const batch = [
        ...ratings.slice(start, start + 4_999),
        receivedAt('25207', `HOST-BESIDE-${++beside}`),
      ];
      expect((await ingest(batch)).accepted).toBe(batch.length);
    }
    const list = await setAside();
    expect(list.rows.find((row) => row.dossierId === 'HOST-RATED')?.reason).toMatch(
      /^storage refused it: .*smallint/,
    );
    expect(beside).toBe(7);
    expect((await summary('25207')).received.total).toBe(7);
  });
});
