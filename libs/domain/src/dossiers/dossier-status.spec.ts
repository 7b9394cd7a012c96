import type { DossierEvent } from '../events/event-schemas';
import {
  deriveDossier as derive,
  ms,
  paused,
  received,
  resolved,
  resumed,
  withdrawn,
} from '../testing/dossier-events';
import { LocalClock } from '../time/local-date';
import { dossierStatusAt, dueAtInForce } from './dossier-status';

const clock = new LocalClock();

describe('dossierStatusAt', () => {
  /** The status of `events`' dossier at each local instant, as [instant, status, due, days]. */
  const statuses = (events: DossierEvent[], instants: string[]) => {
    const state = derive(...events);
    return instants.map((instant) => {
      const at = dossierStatusAt(state, ms(instant), clock);
      return at && [at.status, new Date(at.dueAt).toISOString(), at.overdueDays];
    });
  };

  it('runs from in progress to due soon (the Friday before a Monday due day) to overdue', () => {
    // Received Mon 3/3/2025, 5 working days: due Mon 10/3 23:59:59.999 (16:59:59.999Z).
    const due = '2025-03-10T16:59:59.999Z';
    expect(
      statuses(
        [received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' })],
        [
          '2025-03-03T09:00:00.000+07:00', // the receipt itself: not yet in progress
          '2025-03-03T09:00:00.001+07:00',
          '2025-03-06T23:59:59.999+07:00', // Thursday
          '2025-03-07T00:00:00.000+07:00', // Friday: due on the next working day
          '2025-03-09T12:00:00+07:00', // Sunday
          '2025-03-10T23:59:59.999+07:00', // the due instant
          '2025-03-11T00:00:00.000+07:00', // 1 ms after it, the next local day
          '2025-03-17T10:00:00+07:00',
        ],
      ),
    ).toEqual([
      null,
      ['inProgress', due, 0],
      ['inProgress', due, 0],
      ['dueSoon', due, 0],
      ['dueSoon', due, 0],
      ['dueSoon', due, 0],
      ['overdue', due, 1],
      ['overdue', due, 7],
    ]);
  });

  it('counts overdue days in local calendar days, 0 on the due day itself', () => {
    // The source's due date, Wed 5/3 17:00 local (10:00Z).
    const due = '2025-03-05T10:00:00.000Z';
    expect(
      statuses(
        [received({ at: '2025-03-03T09:00:00+07:00', dueAt: '2025-03-05T17:00:00+07:00' })],
        [
          '2025-03-05T17:00:00.001+07:00',
          '2025-03-05T23:59:59.999+07:00',
          // 00:30 local on Thursday is still Wednesday in UTC: the local day counts.
          '2025-03-06T00:30:00+07:00',
        ],
      ),
    ).toEqual([
      ['overdue', due, 0],
      ['overdue', due, 0],
      ['overdue', due, 1],
    ]);
  });

  it('is due soon from the receipt when the due day is the next working day, across Tết', () => {
    // Received Tue 9/2/2021, 1 working day: due Wed 17/2, the first working day after Tết.
    expect(
      statuses(
        [received({ at: '2021-02-09T09:00:00+07:00', procedureCode: 'TTHC-1D' })],
        ['2021-02-09T09:00:00.001+07:00', '2021-02-14T12:00:00+07:00'],
      ),
    ).toEqual([
      ['dueSoon', '2021-02-17T16:59:59.999Z', 0],
      ['dueSoon', '2021-02-17T16:59:59.999Z', 0],
    ]);
  });

  it('is paused from just after the pause to its end inclusive, then runs to the moved due date', () => {
    // Paused Fri 7/3 16:00 to Mon 10/3 08:30: two working days touched, due Mon 10/3 → Wed 12/3.
    const events = [
      received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
      paused({ at: '2025-03-07T16:00:00+07:00' }),
      resumed({ at: '2025-03-10T08:30:00+07:00' }),
    ];
    const before = '2025-03-10T16:59:59.999Z';
    const after = '2025-03-12T16:59:59.999Z';
    expect(
      statuses(events, [
        '2025-03-07T16:00:00.000+07:00', // the pause's start
        '2025-03-07T16:00:00.001+07:00',
        '2025-03-10T08:30:00.000+07:00', // the pause's end
        '2025-03-10T08:30:00.001+07:00',
        '2025-03-10T23:59:59.999+07:00', // the due instant before the pause: not in force now
        '2025-03-11T00:00:00.000+07:00', // due soon: the working day before the new due day
        '2025-03-13T00:00:00.000+07:00',
      ]),
    ).toEqual([
      ['dueSoon', before, 0],
      ['paused', before, 0],
      ['paused', before, 0],
      ['inProgress', after, 0],
      ['inProgress', after, 0],
      ['dueSoon', after, 0],
      ['overdue', after, 1],
    ]);
  });

  it('stops the overdue days while paused and counts them again from the moved due date', () => {
    // Due Tue 4/3; paused Thu 6/3 10:00 to Fri 7/3 10:00, which moves it to Thu 6/3.
    const events = [
      received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-1D' }),
      paused({ at: '2025-03-06T10:00:00+07:00' }),
      resumed({ at: '2025-03-07T10:00:00+07:00' }),
    ];
    expect(
      statuses(events, [
        '2025-03-06T09:00:00+07:00',
        '2025-03-06T12:00:00+07:00',
        '2025-03-07T12:00:00+07:00',
      ]),
    ).toEqual([
      ['overdue', '2025-03-04T16:59:59.999Z', 2],
      ['paused', '2025-03-04T16:59:59.999Z', 0],
      ['overdue', '2025-03-06T16:59:59.999Z', 1],
    ]);
  });

  it('is in progress until the resolution inclusive, and nothing after it', () => {
    const events = [
      received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-1D' }),
      resolved({ at: '2025-03-05T10:00:00+07:00' }),
    ];
    expect(
      statuses(events, ['2025-03-05T10:00:00.000+07:00', '2025-03-05T10:00:00.001+07:00']),
    ).toEqual([['overdue', '2025-03-04T16:59:59.999Z', 1], null]);
  });

  it('is paused until a withdrawal during the pause, and nothing after it', () => {
    const events = [
      received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
      paused({ at: '2025-03-04T09:00:00+07:00' }),
      withdrawn({ at: '2025-03-05T09:00:00+07:00' }),
    ];
    expect(
      statuses(events, ['2025-03-05T09:00:00.000+07:00', '2025-03-05T09:00:00.001+07:00']),
    ).toEqual([['paused', '2025-03-10T16:59:59.999Z', 0], null]);
  });

  it('is nothing for a dossier with no due date (an unknown procedure and no dueAt)', () => {
    const state = derive(received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'UNKNOWN' }));
    expect(dossierStatusAt(state, ms('2025-03-04T09:00:00+07:00'), clock)).toBeNull();
  });
});

describe('dueAtInForce', () => {
  it('is the due date of the last step taken strictly before the instant', () => {
    const state = derive(
      received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
      paused({ at: '2025-03-07T16:00:00+07:00' }),
      resumed({ at: '2025-03-10T08:30:00+07:00' }),
    );
    expect(dueAtInForce(state, ms('2025-03-03T09:00:00+07:00'))).toBeNull();
    expect(dueAtInForce(state, ms('2025-03-10T08:30:00+07:00'))).toBe(
      ms('2025-03-10T23:59:59.999+07:00'),
    );
    expect(dueAtInForce(state, ms('2025-03-10T08:30:00.001+07:00'))).toBe(
      ms('2025-03-12T23:59:59.999+07:00'),
    );
  });
});
