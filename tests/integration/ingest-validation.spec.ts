import type { DossierRow, MetricsSummary } from '@ioc/domain';
import { atCommune, payment, rating, received, staffing, testProcedure } from '../support/events';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3: every bad input gets its documented status and a readable reason, and a bad event
 * never blocks the good ones beside it. "Now" is Friday 20/11/2026 17:00 (+07:00); every event
 * happens that morning, so the default window (today) of the summary holds them all. Each test
 * uses its own commune of Đồng Xoài (689), so their counts never mix.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const MORNING = '2026-11-20T09:00:00';
const TWO_DAY_PROCEDURE = testProcedure('TEST-P2', 2);

const receivedAt = (unitCode: string, dossierId: string) =>
  received(dossierId, MORNING, {
    ...atCommune(unitCode, TWO_DAY_PROCEDURE.code),
    channel: 'online',
  });

describe('POST /api/v1/events: validation', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
    await t.importProcedures([TWO_DAY_PROCEDURE]);
  });

  afterAll(() => t.close());

  async function receivedTotal(scope: string): Promise<number> {
    const response = await t.get(`/api/v1/metrics/summary?scope=${scope}`, leader);
    expect(response.status).toBe(200);
    return (response.body as MetricsSummary).received.total;
  }

  function postRaw(body: string, contentType = 'application/json') {
    return t.http
      .post('/api/v1/events')
      .set('X-Api-Key', 'demo-ingest-key')
      .set('Content-Type', contentType)
      .send(body);
  }

  it('answers 400 with a readable message to a body that is not JSON', async () => {
    // A cut-off body, and a bare JSON value where an object is needed (the parser is strict).
    for (const body of ['{"events": [{"eventId": "e1",', 'null']) {
      const response = await postRaw(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ statusCode: 400 });
      expect(messageOf(response)).toMatch(/JSON/);
    }
  });

  it('answers 400 to a JSON body without an events array', async () => {
    for (const body of ['{}', '{"events": "D1"}', '{"events": {"0": {}}}', '[]']) {
      const response = await postRaw(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(typeof messageOf(response)).toBe('string');
      expect(messageOf(response)).toMatch(/events/);
    }
  });

  it('rejects events of the wrong types, naming the field, and stores the good ones beside them', async () => {
    const good = receivedAt('25195', 'TYPES-1');
    const channelSeven = { ...receivedAt('25195', 'TYPES-2'), channel: 7 };
    const scoreAsText = { ...rating('TYPES-1', MORNING, 5), score: '5' };
    const amountWithCents = {
      ...payment('TYPES-1', MORNING, 'PAY-1', 100000, 'succeeded'),
      amountVnd: 1.5,
    };
    const noOffset = { ...receivedAt('25195', 'TYPES-3'), occurredAt: '2026-11-20T09:00:00' };
    const unknownType = { ...receivedAt('25195', 'TYPES-4'), type: 'dossier.lost' };
    const events = [
      good,
      channelSeven,
      scoreAsText,
      amountWithCents,
      noOffset,
      unknownType,
      'not an event',
      rating('TYPES-1', MORNING, 4),
    ];
    const response = await t.ingest(events);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        {
          index: 1,
          eventId: channelSeven.eventId,
          errors: [expect.stringMatching(/^channel: .*online.*direct.*postal/)],
        },
        {
          index: 2,
          eventId: scoreAsText.eventId,
          errors: [expect.stringMatching(/^score: .*number/)],
        },
        {
          index: 3,
          eventId: amountWithCents.eventId,
          errors: ['amountVnd: must be a whole number of đồng'],
        },
        {
          index: 4,
          eventId: noOffset.eventId,
          errors: [expect.stringMatching(/^occurredAt: .*offset/)],
        },
        {
          index: 5,
          eventId: unknownType.eventId,
          errors: [expect.stringMatching(/^type: must be one of dossier\.received, /)],
        },
        { index: 6, eventId: null, errors: ['event must be a JSON object'] },
      ],
    });
    expect(await receivedTotal('25195')).toBe(1);
    const summary = await t.get('/api/v1/metrics/summary?scope=25195', leader);
    expect((summary.body as MetricsSummary).ratings).toEqual({ total: 1, satisfied: 1 });
  });

  it('rejects unknown unit, agency and procedure codes with a reason naming the code', async () => {
    const events = [
      received('CODES-1', MORNING, {
        ...atCommune('25198', TWO_DAY_PROCEDURE.code),
        unitCode: 'NO-UNIT',
        channel: 'direct',
      }),
      received('CODES-2', MORNING, {
        ...atCommune('25198', TWO_DAY_PROCEDURE.code),
        agencyCode: 'NO-AGENCY',
        channel: 'direct',
      }),
      received('CODES-3', MORNING, {
        ...atCommune('25198', TWO_DAY_PROCEDURE.code),
        procedureCode: 'NO-PROCEDURE',
        channel: 'direct',
      }),
      staffing('NO-AGENCY', MORNING, 10, 8, 2),
      receivedAt('25198', 'CODES-4'),
    ];
    const response = await t.ingest(events);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, eventId: events[0].eventId, errors: ['unitCode: unknown unit "NO-UNIT"'] },
        {
          index: 1,
          eventId: events[1].eventId,
          errors: ['agencyCode: unknown agency "NO-AGENCY"'],
        },
        {
          index: 2,
          eventId: events[2].eventId,
          errors: ['procedureCode: unknown procedure "NO-PROCEDURE"'],
        },
        {
          index: 3,
          eventId: events[3].eventId,
          errors: ['agencyCode: unknown agency "NO-AGENCY"'],
        },
      ],
    });
    expect(await receivedTotal('25198')).toBe(1);
  });

  it('accepts an eventId of 64 characters and rejects one of 65', async () => {
    const longest = { ...receivedAt('25201', 'ID-64'), eventId: 'e'.repeat(64) };
    const tooLong = { ...receivedAt('25201', 'ID-65'), eventId: 'e'.repeat(65) };
    const response = await t.ingest([longest, tooLong]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 0,
      // The rejected id is echoed as sent, never cut to the 64-character id of another event.
      rejected: [
        {
          index: 1,
          eventId: 'e'.repeat(65),
          errors: ['eventId: eventId must be at most 64 characters'],
        },
      ],
    });
    expect(await receivedTotal('25201')).toBe(1);
  });

  it('refuses 5,001 events in one request with 413 and accepts 5,000', async () => {
    const events = Array.from({ length: 5001 }, (_, i) => receivedAt('25204', `MANY-${i}`));
    const tooMany = await t.ingest(events);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'At most 5000 events a request; this one has 5001',
    });
    expect(await receivedTotal('25204')).toBe(0);

    const allowed = await t.ingest(events.slice(0, 5000));
    expect(allowed.status).toBe(202);
    expect(allowed.body).toEqual({ accepted: 5000, duplicates: 0, rejected: [] });
    expect(await receivedTotal('25204')).toBe(5000);
  }, 60_000);

  it('answers 401 without a key or with a wrong one, and stores nothing', async () => {
    const event = receivedAt('25205', 'KEY-1');
    const missing = await t.http.post('/api/v1/events').send({ events: [event] });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing X-Api-Key header',
    });
    const wrong = await t.ingest([event], { key: 'not-the-demo-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Unknown or revoked API key',
    });
    expect(await receivedTotal('25205')).toBe(0);
  });

  it('stops accepting a key the moment an administrator revokes it', async () => {
    const issued = await t.http
      .post('/api/v1/admin/keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ kind: 'ingest', name: 'Một cửa huyện (test)' });
    expect(issued.status).toBe(201);
    const { id, key } = issued.body as { id: number; key: string };
    expect(Object.keys(issued.body as object)).toEqual(['id', 'key', 'scopeCode']);
    expect(typeof id).toBe('number');
    expect(key).toMatch(/^ingest_/);

    const before = await t.ingest([receivedAt('25207', 'REVOKE-1')], { key });
    expect(before.status).toBe(202);
    expect(before.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });

    const revoked = await t.http
      .delete(`/api/v1/admin/keys/${id}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id, revoked: true });

    const after = await t.ingest([receivedAt('25207', 'REVOKE-2')], { key });
    expect(after.status).toBe(401);
    expect(messageOf(after)).toBe('Unknown or revoked API key');
    expect(await receivedTotal('25207')).toBe(1);
  });

  it('stores SQL in a string field as plain data, and the event table keeps working', async () => {
    const dossierId = "x'); DROP TABLE event; --";
    const response = await t.ingest([
      received(dossierId, MORNING, {
        ...atCommune('25210', TWO_DAY_PROCEDURE.code),
        channel: 'postal',
      }),
    ]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });

    const listed = await t.get('/api/v1/dossiers?scope=25210', leader);
    expect(rowsOf<DossierRow>(listed).map((row) => row.dossierId)).toEqual([dossierId]);
    const next = await t.ingest([receivedAt('25210', 'AFTER-SQL')]);
    expect(next.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await receivedTotal('25210')).toBe(2);
  });

  it('answers 413 to a body over BODY_LIMIT (8mb by default)', async () => {
    const padding = 'x'.repeat(8 * 1024 * 1024);
    const body = JSON.stringify({ events: [{ ...receivedAt('25213', 'HUGE-1'), note: padding }] });
    const response = await postRaw(body);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      message: 'request entity too large: the body is over 8388608 bytes (BODY_LIMIT)',
    });
    expect(await receivedTotal('25213')).toBe(0);
  });
});
