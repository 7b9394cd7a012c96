import type { MetricsSummary } from '@ioc/domain';
import { atCommune, received, resolved, testProcedure } from '../support/events';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3: an event is never lost or double-counted, whatever else arrives at the same moment.
 * "Now" is Friday 20/11/2026 17:00 (+07:00) and every event happens that day, inside the default
 * window of the summary (today). Each test uses its own commune of Đồng Xoài (689).
 */
const NOW = '2026-11-20T17:00:00+07:00';
const TWO_DAY_PROCEDURE = testProcedure('TEST-P2', 2);

type IngestAnswer = { accepted: number; duplicates: number; rejected: unknown[] };

describe('POST /api/v1/events: concurrent requests', () => {
  let t: TestApp;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures([TWO_DAY_PROCEDURE]);
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  async function summaryOf(scope: string) {
    const response = await t.get(`/api/v1/metrics/summary?scope=${scope}`, leader);
    expect(response.status).toBe(200);
    return response.body as MetricsSummary;
  }

  function totals(answers: IngestAnswer[]) {
    return {
      accepted: answers.reduce((sum, a) => sum + a.accepted, 0),
      duplicates: answers.reduce((sum, a) => sum + a.duplicates, 0),
      rejected: answers.flatMap((a) => a.rejected),
    };
  }

  it('counts the same event posted ten times at once exactly once', async () => {
    const event = received('SAME-1', '2026-11-20T09:00:00', {
      ...atCommune('25195', TWO_DAY_PROCEDURE.code),
      channel: 'online',
    });
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.ingest([event])));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    expect(totals(responses.map((r) => r.body as IngestAnswer))).toEqual({
      accepted: 1,
      duplicates: 9,
      rejected: [],
    });

    const summary = await summaryOf('25195');
    expect(summary.received).toEqual({ total: 1, online: 1, direct: 0, postal: 0 });
    expect(summary.inProgress.total).toBe(1);
  });

  it('applies a receipt and a resolution of one dossier posted at once from two requests', async () => {
    const receipt = received('PAIR-1', '2026-11-20T09:00:00', {
      ...atCommune('25198', TWO_DAY_PROCEDURE.code),
      channel: 'direct',
    });
    const resolution = resolved('PAIR-1', '2026-11-20T11:00:00');
    const responses = await Promise.all([t.ingest([receipt]), t.ingest([resolution])]);
    expect(responses.map((r) => [r.status, r.body as IngestAnswer])).toEqual([
      [202, { accepted: 1, duplicates: 0, rejected: [] }],
      [202, { accepted: 1, duplicates: 0, rejected: [] }],
    ]);

    const summary = await summaryOf('25198');
    expect(summary.received.total).toBe(1);
    expect(summary.resolved).toEqual({ total: 1, onTime: 1, early: 1, late: 0 });
    expect(summary.inProgress.total).toBe(0);
  });

  it('applies receipts and resolutions of twenty dossiers posted at once, in either order', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => {
      const dossierId = `MANY-${i}`;
      const pair = [
        t.ingest([
          received(dossierId, '2026-11-20T08:00:00', {
            ...atCommune('25201', TWO_DAY_PROCEDURE.code),
            channel: 'online',
          }),
        ]),
        t.ingest([resolved(dossierId, '2026-11-20T10:00:00')]),
      ];
      return i % 2 ? pair.reverse() : pair;
    });
    const responses = await Promise.all(requests.flat());
    expect(totals(responses.map((r) => r.body as IngestAnswer))).toEqual({
      accepted: 40,
      duplicates: 0,
      rejected: [],
    });

    const summary = await summaryOf('25201');
    expect(summary.received.total).toBe(20);
    expect(summary.resolved).toEqual({ total: 20, onTime: 20, early: 20, late: 0 });
    expect(summary.inProgress.total).toBe(0);
  });

  it('counts an eventId that appears twice in one batch once', async () => {
    const event = received('TWICE-1', '2026-11-20T09:00:00', {
      ...atCommune('25204', TWO_DAY_PROCEDURE.code),
      channel: 'postal',
    });
    const response = await t.ingest([event, { ...event }]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect((await summaryOf('25204')).received).toEqual({
      total: 1,
      online: 0,
      direct: 0,
      postal: 1,
    });
  });
});
