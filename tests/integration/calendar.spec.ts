import type { DossierRow } from '@ioc/domain';
import { RebuildService } from '../../apps/api/src/projection/rebuild.service';
import { atCommune, received, testProcedure } from '../support/events';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3 (due date): working days are Monday to Friday less Vietnam's holidays and the announced
 * days off, which an operator can edit. "Now" is Friday 20/11/2026 12:00 (+07:00).
 *
 * The shipped 2026 calendar already has Tuesday 24/11 off (Ngày Văn hóa Việt Nam, Nghị quyết
 * 28/2026/QH16), so once an operator also gives Monday 23/11 off, the first working day after
 * Friday 20/11 is Wednesday 25/11.
 */
const NOW = '2026-11-20T12:00:00+07:00';
const ONE_DAY_PROCEDURE = testProcedure('TEST-P1', 1);
const tanPhu = atCommune('25195', ONE_DAY_PROCEDURE.code);
const END_OF_MONDAY_23 = '2026-11-23T16:59:59.999Z';
const END_OF_WEDNESDAY_25 = '2026-11-25T16:59:59.999Z';

describe('working-day calendar and due dates', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
    await t.importProcedures([ONE_DAY_PROCEDURE]);
  });

  afterAll(() => t.close());

  async function days(from: string, to: string) {
    const response = await t.get(`/api/v1/calendar/days?from=${from}&to=${to}`, leader);
    expect(response.status).toBe(200);
    return rowsOf<{ date: string; working: boolean; reason: string }>(response);
  }

  async function dueDates(): Promise<Record<string, string>> {
    const response = await t.get('/api/v1/dossiers?scope=25195', leader);
    expect(response.status).toBe(200);
    return Object.fromEntries(
      rowsOf<DossierRow>(response).map((row) => [row.dossierId, row.dueAt]),
    );
  }

  function setOverride(date: string, body: object, token = admin) {
    return t.http
      .put(`/api/v1/calendar/overrides/${date}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  }

  it('lists Tết Bính Ngọ, Monday 16 to Friday 20/2/2026, as days off and Monday 23/2 as working', async () => {
    const rows = await days('2026-02-13', '2026-02-24');
    expect(rows.map((row) => [row.date, row.working])).toEqual([
      ['2026-02-13', true],
      ['2026-02-14', false],
      ['2026-02-15', false],
      ['2026-02-16', false],
      ['2026-02-17', false],
      ['2026-02-18', false],
      ['2026-02-19', false],
      ['2026-02-20', false],
      ['2026-02-21', false],
      ['2026-02-22', false],
      ['2026-02-23', true],
      ['2026-02-24', true],
    ]);
    for (const row of rows.filter((r) => r.date >= '2026-02-16' && r.date <= '2026-02-20')) {
      expect(row.reason).toMatch(/^Tết Nguyên Đán/);
    }
    expect(rows.find((row) => row.date === '2026-02-23')!.reason).toBe('weekday');
  });

  it('answers 400 to a bad date range', async () => {
    for (const query of [
      'from=2026-02-24&to=2026-02-13',
      'from=2026-01-01&to=2027-02-06',
      'from=13/02/2026&to=2026-02-24',
    ]) {
      const response = await t.get(`/api/v1/calendar/days?${query}`, leader);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });

  it('lets an administrator make Monday 23/11/2026 a day off, which moves the next due dates', async () => {
    // Received before the override: due the next working day, Monday 23/11.
    const before = await t.ingest([
      received('BEFORE', '2026-11-20T09:00:00', { ...tanPhu, channel: 'direct' }),
    ]);
    expect(before.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await dueDates()).toEqual({ BEFORE: END_OF_MONDAY_23 });

    const note = 'Nghỉ hoán đổi dịp Ngày Văn hóa Việt Nam (làm bù thứ Bảy 28/11/2026)';
    expect((await setOverride('2026-11-23', { working: false, note }, leader)).status).toBe(403);
    const response = await setOverride('2026-11-23', { working: false, note });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ date: '2026-11-23', working: false, rebuildNeeded: true });
    const overrides = await t.get('/api/v1/calendar/overrides', admin);
    expect(rowsOf(overrides)).toEqual([{ date: '2026-11-23', working: false, note }]);

    expect(await days('2026-11-20', '2026-11-25')).toEqual([
      { date: '2026-11-20', working: true, reason: 'weekday' },
      { date: '2026-11-21', working: false, reason: 'weekend' },
      { date: '2026-11-22', working: false, reason: 'weekend' },
      { date: '2026-11-23', working: false, reason: 'operator', note },
      { date: '2026-11-24', working: false, reason: 'Ngày Văn hóa Việt Nam (24/11)' },
      { date: '2026-11-25', working: true, reason: 'weekday' },
    ]);

    // Received afterwards, the same Friday: Monday 23 and Tuesday 24 are off → due Wednesday 25/11.
    const after = await t.ingest([
      received('AFTER', '2026-11-20T10:00:00', { ...tanPhu, channel: 'online' }),
    ]);
    expect(after.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    // The dossier derived before keeps its due date until the rebuild the answer asked for.
    expect(await dueDates()).toEqual({ BEFORE: END_OF_MONDAY_23, AFTER: END_OF_WEDNESDAY_25 });

    await t.app.get(RebuildService).rebuild();
    expect(await dueDates()).toEqual({ BEFORE: END_OF_WEDNESDAY_25, AFTER: END_OF_WEDNESDAY_25 });
  });

  it('removes an override, and answers 404 when there is none', async () => {
    // Saturday 5/12/2026 announced as a make-up working day, then withdrawn.
    const made = await setOverride('2026-12-05', { working: true, note: 'Làm bù' });
    expect(made.body).toEqual({ date: '2026-12-05', working: true, rebuildNeeded: true });
    expect(await days('2026-12-05', '2026-12-05')).toEqual([
      { date: '2026-12-05', working: true, reason: 'operator', note: 'Làm bù' },
    ]);

    const remove = () =>
      t.http
        .delete('/api/v1/calendar/overrides/2026-12-05')
        .set('Authorization', `Bearer ${admin}`);
    const removed = await remove();
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ date: '2026-12-05', removed: true, rebuildNeeded: true });
    expect(await days('2026-12-05', '2026-12-05')).toEqual([
      { date: '2026-12-05', working: false, reason: 'weekend' },
    ]);

    const again = await remove();
    expect(again.status).toBe(404);
    expect(messageOf(again)).toBe('No override on 2026-12-05');
  });
});
