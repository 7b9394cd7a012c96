import {
  addDays,
  DossierState,
  deriveDossierState,
  dossierStatusAt,
  InProgressAt,
  isDossierEvent,
  LocalClock,
  StatusAt,
  validateEvent,
  WorkingCalendar,
} from '@ioc/domain';
import { isDeepStrictEqual } from 'node:util';
import {
  DossierFilter,
  DossierStatusRepository,
  InProgressDetail,
} from '../../../apps/api/src/metrics/dossier-status.repository';
import { MetricsRepository } from '../../../apps/api/src/metrics/metrics.repository';
import { Slice } from '../../../apps/api/src/metrics/slice';
import {
  local,
  paused,
  received,
  resolved,
  resumed,
  testProcedure,
  withdrawn,
} from '../../support/events';
import { startTestApp, TestApp } from '../../support/test-app';

const ZONE = 'Asia/Ho_Chi_Minh';
const PROCEDURES = [1, 2, 5, 6, 7].map((days) => testProcedure(`STATUS-P${days}`, days));

/** A dossier of its own commune's committee, so that counts by agency are counts of one dossier. */
const at = (unitCode: string, processingDays: number) => ({
  unitCode,
  agencyCode: `UBND-${unitCode}`,
  procedureCode: `STATUS-P${processingDays}`,
  channel: 'online' as const,
});

/**
 * Hand-made histories around 30/4–1/5/2025 (days off Wed 30/4 to Fri 2/5, made up on Saturday
 * 26/4), each with its due date worked out by hand. The latest event of all is the resumption of
 * ST-RESUMED-LAST, Monday 28/4 11:00: from then on the open dossiers' own table answers too.
 */
const HISTORIES: { events: object[]; dueAt: string }[] = [
  {
    // 2 working days from Mon 28/4: Tue 29/4, then the holiday and the weekend: Mon 5/5. Due
    // soon from Tue 29/4, the working day before it.
    events: [received('ST-HOLIDAY', '2025-04-28T09:00:00', at('25195', 2))],
    dueAt: '2025-05-05T23:59:59.999',
  },
  {
    // 6 working days: 29/4, 5/5 … 9/5, a Friday: overdue through the weekend.
    events: [received('ST-FRIDAY', '2025-04-28T10:00:00', at('25198', 6))],
    dueAt: '2025-05-09T23:59:59.999',
  },
  {
    // 7 working days: Mon 12/5, due soon from Friday 9/5 and through the weekend.
    events: [received('ST-MONDAY', '2025-04-28T10:15:00', at('25201', 7))],
    dueAt: '2025-05-12T23:59:59.999',
  },
  {
    // The source's due date, mid-afternoon: overdue 0 days until local midnight.
    events: [
      received('ST-SOURCE-DUE', '2025-04-25T09:00:00', {
        ...at('25204', 1),
        dueAt: local('2025-04-29T17:00:00'),
      }),
    ],
    dueAt: '2025-04-29T17:00:00.000',
  },
  {
    // The source's due date on a day off: due soon on that day only.
    events: [
      received('ST-DUE-ON-HOLIDAY', '2025-04-25T10:00:00', {
        ...at('25205', 1),
        dueAt: local('2025-05-01T12:00:00'),
      }),
    ],
    dueAt: '2025-05-01T12:00:00.000',
  },
  {
    // Due Fri 25/4; paused that morning and never resumed: paused ever after, never overdue.
    events: [
      received('ST-PAUSED', '2025-04-23T09:00:00', at('25207', 2)),
      paused('ST-PAUSED', '2025-04-25T10:00:00'),
    ],
    dueAt: '2025-04-25T23:59:59.999',
  },
  {
    // Due Mon 28/4 (23, 24, 25, Saturday 26 and 28); paused from Fri 25/4 14:00 to the latest
    // event, Mon 28/4 11:00: Fri, Sat and Mon touched move it to Tue 6/5.
    events: [
      received('ST-RESUMED-LAST', '2025-04-22T09:00:00', at('25210', 5)),
      paused('ST-RESUMED-LAST', '2025-04-25T14:00:00'),
      resumed('ST-RESUMED-LAST', '2025-04-28T11:00:00'),
    ],
    dueAt: '2025-05-06T23:59:59.999',
  },
  {
    // Due Wed 23/4, resolved late on Thursday.
    events: [
      received('ST-RESOLVED', '2025-04-21T09:00:00', at('25213', 2)),
      resolved('ST-RESOLVED', '2025-04-24T15:00:00'),
    ],
    dueAt: '2025-04-23T23:59:59.999',
  },
  {
    // Withdrawn while paused; the pause's two working days (23, 24/4) move it from Mon 28/4 to
    // Mon 5/5, but only from the withdrawal on, when it no longer counts.
    events: [
      received('ST-WITHDRAWN', '2025-04-22T10:00:00', at('25216', 5)),
      paused('ST-WITHDRAWN', '2025-04-23T09:00:00'),
      withdrawn('ST-WITHDRAWN', '2025-04-24T09:00:00'),
    ],
    dueAt: '2025-05-05T23:59:59.999',
  },
  {
    // Due Tue 15/4; paused after it (Thu 17/4 10:00 to Fri 18/4 10:00), which moves it to Thu 17/4:
    // overdue, paused, then overdue again, counted from the moved due date.
    events: [
      received('ST-PAUSED-LATE', '2025-04-14T09:00:00', at('25217', 1)),
      paused('ST-PAUSED-LATE', '2025-04-17T10:00:00'),
      resumed('ST-PAUSED-LATE', '2025-04-18T10:00:00'),
    ],
    dueAt: '2025-04-17T23:59:59.999',
  },
  {
    // Due Wed 23/4; one pause touching Wed 16/4 (→ Thu 24/4), one touching Mon 21 and Tue 22/4
    // (→ Saturday 26/4, the make-up working day).
    events: [
      received('ST-TWO-PAUSES', '2025-04-14T10:00:00', at('25219', 7)),
      paused('ST-TWO-PAUSES', '2025-04-16T10:00:00'),
      resumed('ST-TWO-PAUSES', '2025-04-16T15:00:00'),
      paused('ST-TWO-PAUSES', '2025-04-21T09:00:00'),
      resumed('ST-TWO-PAUSES', '2025-04-22T09:00:00'),
    ],
    dueAt: '2025-04-26T23:59:59.999',
  },
  {
    // Due the next working day: due soon from the receipt.
    events: [received('ST-LAST-RECEIVED', '2025-04-28T10:30:00', at('25220', 1))],
    dueAt: '2025-04-29T23:59:59.999',
  },
];
const LATEST_EVENT = Date.parse(local('2025-04-28T11:00:00'));

const clock = new LocalClock(ZONE);
const calendar = new WorkingCalendar(clock);
const processingDays = new Map(PROCEDURES.map((p) => [p.code, p.processingDays]));

function derive(events: object[]): DossierState {
  const parsed = events.map((raw) => {
    const validation = validateEvent(raw);
    if (!validation.ok || !isDossierEvent(validation.event)) throw new Error(`bad event in spec`);
    return validation.event;
  });
  return deriveDossierState(parsed[0].dossierId, parsed, {
    calendar,
    processingDays: (code) => processingDays.get(code),
  });
}

/** Every instant at which some dossier's status may change, 1 ms either side, and each midnight. */
function instantsToCheck(states: readonly DossierState[]): number[] {
  const points = [LATEST_EVENT];
  for (const state of states) {
    for (const range of [state.open!, ...state.paused, ...state.overdue, ...state.dueSoon]) {
      points.push(range.lower);
      if (range.upper !== null) points.push(range.upper);
    }
    for (const step of state.dueSteps) points.push(step.from, step.dueAt);
  }
  const instants = points.flatMap((point) => [point - 1, point, point + 1]);
  for (let day = '2025-04-14'; day <= '2025-05-20'; day = addDays(day, 1)) {
    instants.push(clock.startOfDay(day));
  }
  return [...new Set(instants)].sort((a, b) => a - b);
}

describe('DossierStatusRepository', () => {
  let t: TestApp;
  let repository: DossierStatusRepository;
  let states: DossierState[];
  let instants: number[];
  let latestEventDerived: number;

  beforeAll(async () => {
    t = await startTestApp({ now: '2025-05-20T12:00:00+07:00' });
    await t.importProcedures(PROCEDURES);
    const events = HISTORIES.flatMap((history) => history.events);
    const ingest = await t.ingest(events);
    expect(ingest.body).toEqual({ accepted: events.length, duplicates: 0, rejected: [] });
    repository = t.app.get(DossierStatusRepository);
    latestEventDerived = await t.app.get(MetricsRepository).latestEventDerived();
    states = HISTORIES.map((history) => derive(history.events));
    instants = instantsToCheck(states);
  });

  afterAll(() => t.close());

  /** The domain's status of each dossier in progress at the instant. */
  const statusesAt = (instant: number) =>
    states
      .map((state) => ({ state, status: dossierStatusAt(state, instant, clock) }))
      .filter((entry): entry is { state: DossierState; status: StatusAt } => !!entry.status);

  /**
   * What the counts should be, per agency (one dossier each) and for the whole province: for a
   * score, only the total and the overdue ones.
   */
  function expectedCounts(instant: number, detail: InProgressDetail) {
    const byAgency = new Map<string, InProgressAt>();
    const province: InProgressAt = {
      total: 0,
      paused: 0,
      overdue: 0,
      dueSoon: 0,
      oldestOverdueDays: 0,
    };
    for (const { state, status } of statusesAt(instant)) {
      const full = detail === 'full';
      const one = (counted: boolean, value: StatusAt['status']) =>
        counted && status.status === value ? 1 : 0;
      const counts = {
        total: 1,
        paused: one(full, 'paused'),
        overdue: one(true, 'overdue'),
        dueSoon: one(full, 'dueSoon'),
        oldestOverdueDays: one(full, 'overdue') * status.overdueDays,
      };
      byAgency.set(state.received!.agencyCode, counts);
      province.total += 1;
      province.paused += counts.paused;
      province.overdue += counts.overdue;
      province.dueSoon += counts.dueSoon;
      province.oldestOverdueDays = Math.max(province.oldestOverdueDays, counts.oldestOverdueDays);
    }
    return { byAgency, province: province.total ? new Map([['', province]]) : new Map() };
  }

  /** Instants where the SQL and the domain disagree, with both answers. */
  async function disagreements<T>(
    at: readonly number[],
    read: (instant: number) => Promise<T>,
    expected: (instant: number) => T,
  ) {
    const found = [];
    for (const instant of at) {
      const sql = await read(instant);
      const domain = expected(instant);
      if (!isDeepStrictEqual(sql, domain)) {
        found.push({ at: new Date(instant).toISOString(), sql, domain });
      }
    }
    return found;
  }

  const byAgency: Slice = { by: 'agency', grouped: true };
  const province: Slice = { by: 'unit' };
  /** Past every instant: the history of each dossier answers, whatever the instant. */
  const HISTORY = Number.POSITIVE_INFINITY;

  it('derives the hand-worked due dates, and checks over a hundred instants', () => {
    expect(states.map((state) => new Date(state.dueAt!).toISOString())).toEqual(
      HISTORIES.map((history) => new Date(local(history.dueAt)).toISOString()),
    );
    expect(latestEventDerived).toBe(LATEST_EVENT);
    expect(instants.length).toBeGreaterThan(120);
  });

  it('counts in progress, paused, overdue, due soon and the oldest overdue days from the history as dossierStatusAt says', async () => {
    const read = async (instant: number) => ({
      byAgency: await repository.inProgressAt(byAgency, instant, clock, HISTORY),
      province: await repository.inProgressAt(province, instant, clock, HISTORY),
    });
    expect(
      await disagreements(instants, read, (instant) => expectedCounts(instant, 'full')),
    ).toEqual([]);
  });

  it('counts only in progress and overdue for a score, at midnights from the day changes, as dossierStatusAt says', async () => {
    const read = async (instant: number) => ({
      byAgency: await repository.inProgressAt(byAgency, instant, clock, HISTORY, 'score'),
      province: await repository.inProgressAt(province, instant, clock, HISTORY, 'score'),
    });
    expect(
      await disagreements(instants, read, (instant) => expectedCounts(instant, 'score')),
    ).toEqual([]);
  });

  it('counts at and after the latest event derived (then from the open dossiers) as dossierStatusAt says', async () => {
    const read = async (instant: number) => ({
      byAgency: await repository.inProgressAt(byAgency, instant, clock, latestEventDerived),
      province: await repository.inProgressAt(province, instant, clock, latestEventDerived),
    });
    const current = instants.filter((instant) => instant >= latestEventDerived);
    expect(current.length).toBeGreaterThan(40);
    expect(
      await disagreements(current, read, (instant) => expectedCounts(instant, 'full')),
    ).toEqual([]);
  });

  it('counts the dossiers in progress (carried over) on either table as dossierStatusAt says', async () => {
    const read = async (instant: number) => ({
      history: await repository.openCountAt(byAgency, instant, clock, HISTORY),
      current:
        instant >= latestEventDerived
          ? await repository.openCountAt(byAgency, instant, clock, latestEventDerived)
          : null,
    });
    const expected = (instant: number) => {
      const open = new Map(statusesAt(instant).map(({ state }) => [state.received!.agencyCode, 1]));
      return { history: open, current: instant >= latestEventDerived ? open : null };
    };
    expect(await disagreements(instants, read, expected)).toEqual([]);
  });

  it('lists each dossier with its status, due date in force and overdue days as dossierStatusAt says, earliest due first', async () => {
    const filters: DossierFilter[] = ['inProgress', 'overdue', 'dueSoon', 'paused'];
    const read = async (instant: number) => {
      const pages = [];
      for (const filter of filters) {
        const criteria = { filter, instant, zone: ZONE, horizon: latestEventDerived };
        const page = await repository.page(province, criteria, 1, 50);
        pages.push({
          total: page.total,
          rows: page.rows.map(({ dossierId, status, dueAt, overdueDays }) => ({
            dossierId,
            status,
            dueAt,
            overdueDays,
          })),
        });
      }
      return pages;
    };
    const expected = (instant: number) => {
      const rows = statusesAt(instant)
        .map(({ state, status }) => ({
          dossierId: state.dossierId,
          status: status.status,
          dueAt: new Date(status.dueAt).toISOString(),
          overdueDays: status.overdueDays,
        }))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.dossierId.localeCompare(b.dossierId));
      return filters.map((filter) => {
        const kept = rows.filter((row) => filter === 'inProgress' || row.status === filter);
        return { total: kept.length, rows: kept };
      });
    };
    expect(await disagreements(instants, read, expected)).toEqual([]);
  });

  it('lists the dossiers due on a local day, by code prefix, in any order, as dossierStatusAt says', async () => {
    // The local days the due dates in force fall on, and one with none.
    const days = [
      ...new Set(states.flatMap((state) => state.dueSteps.map((step) => clock.dateOf(step.dueAt)))),
      '2025-05-19',
    ];
    const sort = [
      { column: 'overdueDays', direction: 'desc' },
      { column: 'receivedAt', direction: 'asc' },
    ] as const;
    const read = async (instant: number) => {
      const lists = [];
      for (const dueOn of days) {
        const criteria = {
          filter: 'inProgress',
          instant,
          zone: ZONE,
          dueOn,
          sort,
          horizon: latestEventDerived,
        } as const;
        const { rows } = await repository.page(province, criteria, 1, 50);
        lists.push(rows.map((row) => row.dossierId));
      }
      const prefixed = {
        filter: 'inProgress',
        instant,
        zone: ZONE,
        codePrefix: 'ST-P',
        horizon: latestEventDerived,
      } as const;
      lists.push((await repository.page(province, prefixed, 1, 50)).rows.map((r) => r.dossierId));
      // Every row through the cursor, in batches of two: the same as one page of them all.
      const all = [];
      for await (const batch of repository.all(province, { ...prefixed, sort }, 2)) {
        all.push(...batch.map((row) => row.dossierId));
      }
      lists.push(all);
      return lists;
    };
    const expected = (instant: number) => {
      const inProgress = statusesAt(instant);
      const worstFirst = (entries: typeof inProgress) =>
        [...entries]
          .sort(
            (a, b) =>
              b.status.overdueDays - a.status.overdueDays ||
              a.state.received!.at - b.state.received!.at ||
              a.state.dossierId.localeCompare(b.state.dossierId),
          )
          .map(({ state }) => state.dossierId);
      const earliestDueFirst = (entries: typeof inProgress) =>
        [...entries]
          .sort(
            (a, b) =>
              a.status.dueAt - b.status.dueAt || a.state.dossierId.localeCompare(b.state.dossierId),
          )
          .map(({ state }) => state.dossierId);
      const prefixed = inProgress.filter(({ state }) => state.dossierId.startsWith('ST-P'));
      return [
        ...days.map((day) =>
          worstFirst(inProgress.filter(({ status }) => clock.dateOf(status.dueAt) === day)),
        ),
        earliestDueFirst(prefixed),
        worstFirst(prefixed),
      ];
    };
    // Every fifth instant: each list is one query, and the lists are many.
    const sample = instants.filter((_, index) => index % 5 === 0);
    expect(await disagreements(sample, read, expected)).toEqual([]);
  });

  it('reads the hand-worked statuses at the latest event and at a due instant', async () => {
    const page = async (instant: string) =>
      (
        await repository.page(
          province,
          { filter: 'inProgress', instant: Date.parse(local(instant)), zone: ZONE },
          1,
          50,
        )
      ).rows
        .map((row) => `${row.dossierId} ${row.status} ${row.overdueDays}`)
        .sort();
    // The resumption itself: still paused at that instant, running 1 ms later.
    expect(await page('2025-04-28T11:00:00.000')).toEqual([
      'ST-DUE-ON-HOLIDAY inProgress 0',
      'ST-FRIDAY inProgress 0',
      'ST-HOLIDAY inProgress 0',
      'ST-LAST-RECEIVED dueSoon 0',
      'ST-MONDAY inProgress 0',
      'ST-PAUSED paused 0',
      'ST-PAUSED-LATE overdue 11',
      'ST-RESUMED-LAST paused 0',
      'ST-SOURCE-DUE dueSoon 0',
      'ST-TWO-PAUSES overdue 2',
    ]);
    const sourceDue = async (instant: string) =>
      (await page(instant)).find((row) => row.startsWith('ST-SOURCE-DUE'));
    expect(await sourceDue('2025-04-29T17:00:00.000')).toBe('ST-SOURCE-DUE dueSoon 0');
    expect(await sourceDue('2025-04-29T17:00:00.001')).toBe('ST-SOURCE-DUE overdue 0');
    expect(await sourceDue('2025-04-30T00:00:00.000')).toBe('ST-SOURCE-DUE overdue 1');
  });

  // Last: it changes the histories the tests above read.
  it('reflects late events in the past midnights’ counts (the day changes move with the projection)', async () => {
    const midnights = instants.filter(
      (instant) => clock.startOfDay(clock.dateOf(instant)) === instant,
    );
    const read = async (instant: number) => ({
      score: await repository.inProgressAt(byAgency, instant, clock, HISTORY, 'score'),
      open: await repository.openCountAt(province, instant, clock, HISTORY),
    });
    const expected = (instant: number) => ({
      score: expectedCounts(instant, 'score').byAgency,
      open: new Map(
        [...expectedCounts(instant, 'score').province].map(([key, { total }]) => [key, total]),
      ),
    });
    const friday = clock.startOfDay('2025-04-25');
    const before = await read(friday);
    // Both before the latest event derived: a receipt a week back, and ST-PAUSED-LATE (overdue
    // since 18/4) resolved on Thursday 24/4.
    const late = [
      received('ST-LATE', '2025-04-20T09:00:00', at('25222', 1)),
      resolved('ST-PAUSED-LATE', '2025-04-24T09:00:00'),
    ];
    expect((await t.ingest(late)).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const events = [...HISTORIES.flatMap((history) => history.events), ...late];
    const dossierOf = (event: object) => (event as { dossierId: string }).dossierId;
    states = [...new Set(events.map(dossierOf))].map((dossierId) =>
      derive(events.filter((event) => dossierOf(event) === dossierId)),
    );

    const after = await read(friday);
    expect(before.score.get('UBND-25217')).toMatchObject({ total: 1, overdue: 1 });
    expect(after.score.get('UBND-25217')).toBeUndefined();
    // Received 20/4 with one working day (21/4): overdue from Tuesday 22/4.
    expect(after.score.get('UBND-25222')).toMatchObject({ total: 1, overdue: 1 });
    expect(await disagreements(midnights, read, expected)).toEqual([]);
  });
});
