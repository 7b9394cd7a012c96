import {
  apologized,
  derivationContext,
  deriveDossier,
  ms,
  paused,
  received,
  resolved,
  resumed,
} from '../testing/dossier-events';
import { dossierDetailOf, dueReasoningOf } from './dossier-detail';

const context = derivationContext();

describe('dueReasoningOf', () => {
  it('counts the processing days after the day of receipt, skipping weekends and Tết', () => {
    // Friday 5/2/2021, 5 working days: Mon 8, Tue 9, then Tết 10–16/2, Wed 17, Thu 18, Fri 19.
    const state = deriveDossier(
      received({ at: '2021-02-05T15:00:00+07:00', procedureCode: 'TTHC-5D' }),
    );
    const due = dueReasoningOf(state, context)!;
    expect(due).toMatchObject({
      base: new Date(ms('2021-02-19T23:59:59.999+07:00')).toISOString(),
      baseFrom: 'calendar',
      processingDays: 5,
      receivedOn: '2021-02-05',
      baseDueOn: '2021-02-19',
      pauses: [],
      apologyNewDueAt: null,
    });
    expect(due.dueAt).toBe(due.base);
    expect(due.daysSkipped.map((day) => day.date)).toEqual([
      '2021-02-06',
      '2021-02-07',
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-13',
      '2021-02-14',
      '2021-02-15',
      '2021-02-16',
    ]);
    expect(due.daysSkipped[0].reason).toBe('weekend');
    expect(due.daysSkipped[2].reason).toBe('Tết Nguyên Đán (29 tháng Chạp)');
  });

  it('adds the working days each pause touched, a part day counting whole', () => {
    const state = deriveDossier(
      received({ at: '2021-02-05T15:00:00+07:00', procedureCode: 'TTHC-5D' }),
      // Mon 22 10:00 → Tue 23 15:00: two working days, due Fri 19 → Tue 23.
      paused({ at: '2021-02-22T10:00:00+07:00' }),
      resumed({ at: '2021-02-23T15:00:00+07:00' }),
      // Two hours on Wed 24 touch one working day: due → Wed 24; then paused again on Fri 26.
      paused({ at: '2021-02-24T09:00:00+07:00' }),
      resumed({ at: '2021-02-24T11:00:00+07:00' }),
      paused({ at: '2021-02-26T16:00:00+07:00' }),
    );
    const due = dueReasoningOf(state, context)!;
    const local = (iso: string) => new Date(ms(iso)).toISOString();
    expect(due.pauses).toEqual([
      {
        from: local('2021-02-22T10:00:00+07:00'),
        to: local('2021-02-23T15:00:00+07:00'),
        workingDays: 2,
        dueAt: local('2021-02-23T23:59:59.999+07:00'),
      },
      {
        from: local('2021-02-24T09:00:00+07:00'),
        to: local('2021-02-24T11:00:00+07:00'),
        workingDays: 1,
        dueAt: local('2021-02-24T23:59:59.999+07:00'),
      },
      // Still paused: it has added nothing yet.
      {
        from: local('2021-02-26T16:00:00+07:00'),
        to: null,
        workingDays: 0,
        dueAt: local('2021-02-24T23:59:59.999+07:00'),
      },
    ]);
    expect(due.dueAt).toBe(local('2021-02-24T23:59:59.999+07:00'));
  });

  it('keeps the source’s due date as the base, and the apology’s date beside it', () => {
    const state = deriveDossier(
      received({ at: '2021-03-01T08:00:00+07:00', dueAt: '2021-03-03T17:00:00+07:00' }),
      apologized({ at: '2021-03-04T08:00:00+07:00', newDueAt: '2021-03-08T17:00:00+07:00' }),
    );
    expect(dueReasoningOf(state, context)).toMatchObject({
      base: new Date(ms('2021-03-03T17:00:00+07:00')).toISOString(),
      baseFrom: 'source',
      processingDays: null,
      baseDueOn: '2021-03-03',
      daysSkipped: [],
      dueAt: new Date(ms('2021-03-03T17:00:00+07:00')).toISOString(),
      apologyNewDueAt: new Date(ms('2021-03-08T17:00:00+07:00')).toISOString(),
    });
  });
});

describe('dossierDetailOf', () => {
  const events = [
    resolved({ at: '2021-03-09T10:00:00+07:00', eventId: 'e3' }),
    received({
      at: '2021-03-01T08:00:00+07:00',
      dueAt: '2021-03-03T17:00:00+07:00',
      eventId: 'e1',
    }),
    apologized({
      at: '2021-03-04T08:00:00+07:00',
      newDueAt: '2021-03-08T17:00:00+07:00',
      eventId: 'e2',
    }),
  ];
  const state = deriveDossier(...events);

  it('is overdue by local calendar days at an instant past its due date, events in order', () => {
    const detail = dossierDetailOf(state, events, ms('2021-03-06T09:00:00+07:00'), context)!;
    expect(detail).toMatchObject({
      status: 'overdue',
      overdueDays: 3,
      apologized: true,
      resolvedAt: new Date(ms('2021-03-09T10:00:00+07:00')).toISOString(),
    });
    expect(detail.events.map((event) => event.eventId)).toEqual(['e1', 'e2', 'e3']);
  });

  it('is resolved, late, once resolved; nothing without a receipt', () => {
    const detail = dossierDetailOf(state, events, ms('2021-03-10T09:00:00+07:00'), context)!;
    expect(detail).toMatchObject({ status: 'resolved', overdueDays: 0, onTime: false });
    const orphan = deriveDossier(resolved({ at: '2021-03-09T10:00:00+07:00' }));
    expect(dossierDetailOf(orphan, [], ms('2021-03-10T09:00:00+07:00'), context)).toBeNull();
  });
});
