import type { MetricsSummary, RankingRow } from '@ioc/domain';
import {
  EVENTS,
  NOW,
  RECEIVED_DIRECT,
  RECEIVED_POSTAL,
  SCALED,
  SEED,
  TEST_PROCEDURE,
  WINDOW,
} from '../support/scenarios/seed-004-binh-phuoc';
import { rowsOf, startTestApp, TestApp } from '../support/test-app';

const BATCH = 5000;
const window = `from=${encodeURIComponent(WINDOW.from)}&to=${encodeURIComponent(WINDOW.to)}`;

/** A stream shaped like Bình Phước's 2021 table (seed 004) comes out with the seed's own ratios. */
describe('replay of seed 004 (Bình Phước, 1/1–31/10/2021, ÷ 100)', () => {
  let t: TestApp;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures([TEST_PROCEDURE]);
    for (let start = 0; start < EVENTS.length; start += BATCH) {
      const batch = EVENTS.slice(start, start + BATCH);
      const response = await t.ingest(batch);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ accepted: batch.length, duplicates: 0, rejected: [] });
    }
    leader = await t.login('leader');
  }, 120_000);

  afterAll(() => t.close());

  it('returns the scaled counts of the seed table exactly', async () => {
    const response = await t.get(`/api/v1/metrics/summary?${window}`, leader);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      scope: '70',
      from: '2020-12-31T17:00:00.000Z',
      to: '2021-10-30T17:00:00.000Z',
      received: {
        total: SCALED.receivedOnline + SCALED.receivedDirectOrPostal,
        online: SCALED.receivedOnline,
        direct: RECEIVED_DIRECT,
        postal: RECEIVED_POSTAL,
      },
      carriedOver: SCALED.carriedOver,
      // Every on-time dossier is resolved the day before it falls due, so it is also early.
      resolved: {
        total: SCALED.resolved,
        onTime: SCALED.resolvedOnTime,
        early: SCALED.resolvedOnTime,
        late: SCALED.resolvedLate,
      },
      inProgress: { total: SCALED.inProgress, overdue: 0, dueSoon: 0, paused: 0 },
    });
    expect([RECEIVED_DIRECT, RECEIVED_POSTAL]).toEqual([1374, 458]);
  });

  it('comes out with the seed’s on-time rate and online share', async () => {
    const { rates } = (await t.get(`/api/v1/metrics/summary?${window}`, leader))
      .body as MetricsSummary;
    // "No data" (null) fails every check below.
    const onTime = rates.onTime ?? Number.NaN;
    const online = rates.online ?? Number.NaN;
    expect(onTime).toBeCloseTo(5380 / 5491, 12);
    expect(online).toBeCloseTo(3583 / 5415, 12);
    expect(Math.abs(onTime - SEED.resolvedOnTime / SEED.resolved)).toBeLessThan(0.0005);
    expect(
      Math.abs(online - SEED.receivedOnline / (SEED.receivedOnline + SEED.receivedDirectOrPostal)),
    ).toBeLessThan(0.0005);
  });

  it('spreads the same totals over all eleven districts', async () => {
    const response = await t.get(`/api/v1/rankings?level=district&${window}`, leader);
    expect(response.status).toBe(200);
    const rows = rowsOf<RankingRow>(response);
    expect(rows.map((row) => row.code).sort()).toEqual([
      '688',
      '689',
      '690',
      '691',
      '692',
      '693',
      '694',
      '695',
      '696',
      '697',
      '698',
    ]);
    expect(rows.every((row) => row.received > 0 && row.resolved > 0)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.received, 0)).toBe(5415);
    expect(rows.reduce((sum, row) => sum + row.resolved, 0)).toBe(SCALED.resolved);
  });
});
