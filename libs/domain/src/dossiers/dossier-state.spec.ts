import {
  apologized,
  derivationContext,
  deriveDossier as derive,
  DOSSIER_ID,
  ms,
  paid,
  paused,
  rated,
  received,
  resolved,
  resumed,
  withdrawn,
} from '../testing/dossier-events';
import { WorkingCalendar } from '../calendar/working-calendar';
import { LocalClock } from '../time/local-date';
import { deriveDossierState, firstDueSoonDay, shiftDue } from './dossier-state';
import { anyContains, rangeContains, TimeRange } from './time-range';

/** `(lower, upper]`, or `(lower, ∞)` without an upper bound. */
const openClosed = (lower: string, upper: string | null): TimeRange => ({
  lower: ms(lower),
  upper: upper === null ? null : ms(upper),
  lowerInclusive: false,
  upperInclusive: upper !== null,
});
/** `[lower, upper]`. */
const closed = (lower: string, upper: string): TimeRange => ({
  lower: ms(lower),
  upper: ms(upper),
  lowerInclusive: true,
  upperInclusive: true,
});

const receiptCounters = (overrides: Record<string, number> = {}) => ({
  received: 1,
  received_online: 1,
  digitization_base: 0,
  digitization_full: 0,
  fee_dossiers: 0,
  fee_dossiers_paid: 0,
  ...overrides,
});
const resolutionCounters = (overrides: Record<string, number> = {}) => ({
  resolved: 1,
  resolved_on_time: 0,
  resolved_early: 0,
  resolved_late: 0,
  resolved_result_digitized: 0,
  resolved_late_apologized: 0,
  ...overrides,
});

describe('deriveDossierState', () => {
  describe('due date', () => {
    it('is the end of the processingDays-th working day after the day of receipt', () => {
      const state = derive(received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }));
      // Mon 1/2 → Tue 2, Wed 3, Thu 4.
      expect(state.baseDueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(new Date(state.dueAt!).toISOString()).toBe('2021-02-04T16:59:59.999Z');
    });

    it('counts from the local day of receipt, not the UTC day', () => {
      // 23:30 local on Monday is still Monday 1/2 in Hà Nội (16:30 UTC).
      const state = derive(received({ at: '2021-02-01T16:30:00Z', procedureCode: 'TTHC-1D' }));
      expect(state.dueAt).toBe(ms('2021-02-02T23:59:59.999+07:00'));
      // 00:30 local on Tuesday is Monday 17:30 UTC.
      const next = derive(received({ at: '2021-02-01T17:30:00Z', procedureCode: 'TTHC-1D' }));
      expect(next.dueAt).toBe(ms('2021-02-03T23:59:59.999+07:00'));
    });

    it('skips Tết 2021 (10–16/2) and the weekend inside it', () => {
      const state = derive(received({ at: '2021-02-08T09:00:00+07:00', procedureCode: 'TTHC-3D' }));
      // Mon 8/2 → Tue 9, Wed 17, Thu 18.
      expect(state.dueAt).toBe(ms('2021-02-18T23:59:59.999+07:00'));
    });

    it('skips Tết 2026 (14–22/2)', () => {
      const state = derive(received({ at: '2026-02-12T10:00:00+07:00', procedureCode: 'TTHC-2D' }));
      // Thu 12/2 → Fri 13, Mon 23.
      expect(state.dueAt).toBe(ms('2026-02-23T23:59:59.999+07:00'));
    });

    it('counts a Saturday made a working day (26/4/2025)', () => {
      const state = derive(received({ at: '2025-04-25T09:00:00+07:00', procedureCode: 'TTHC-2D' }));
      // Fri 25/4 → Sat 26 (làm bù), Mon 28.
      expect(state.dueAt).toBe(ms('2025-04-28T23:59:59.999+07:00'));
    });

    it('is the end of the day of receipt for a same-day procedure', () => {
      const state = derive(received({ at: '2025-03-08T10:00:00+07:00', procedureCode: 'TTHC-0D' }));
      expect(state.dueAt).toBe(ms('2025-03-08T23:59:59.999+07:00'));
    });

    it('follows operator overrides', () => {
      const overridden = derivationContext([{ date: '2025-03-04', working: false }]);
      const events = [received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-2D' })];
      expect(derive(...events).dueAt).toBe(ms('2025-03-05T23:59:59.999+07:00'));
      expect(deriveDossierState(DOSSIER_ID, events, overridden).dueAt).toBe(
        ms('2025-03-06T23:59:59.999+07:00'),
      );
    });

    it('is the source’s dueAt when it sends one, whatever the procedure says', () => {
      const state = derive(
        received({
          at: '2021-02-01T09:00:00+07:00',
          procedureCode: 'TTHC-10D',
          dueAt: '2021-02-05T17:00:00+07:00',
        }),
      );
      expect(state.baseDueAt).toBe(ms('2021-02-05T17:00:00+07:00'));
      expect(state.dueAt).toBe(ms('2021-02-05T17:00:00+07:00'));
    });

    it('is unknown, with no timeline, for an unknown procedure without dueAt', () => {
      const state = derive(received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'NOPE' }));
      expect(state.baseDueAt).toBeNull();
      expect(state.dueAt).toBeNull();
      expect(state.open).toBeNull();
      expect(state.overdue).toEqual([]);
      expect(state.facts).toEqual([
        { at: ms('2021-02-01T09:00:00+07:00'), counters: receiptCounters() },
      ]);
    });
  });

  describe('a dossier in progress', () => {
    const receipt = received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' });

    it('has an open, overdue and due-soon timeline and a receipt fact', () => {
      expect(derive(receipt)).toEqual({
        dossierId: DOSSIER_ID,
        received: {
          at: ms('2021-02-01T09:00:00+07:00'),
          procedureCode: 'TTHC-3D',
          agencyCode: 'SO-TP',
          unitCode: 'HT',
          channel: 'online',
          componentsTotal: null,
          componentsDigitized: null,
          feeVnd: 0,
        },
        baseDueAt: ms('2021-02-04T23:59:59.999+07:00'),
        baseDueFrom: 'calendar',
        pauses: [],
        dueAt: ms('2021-02-04T23:59:59.999+07:00'),
        dueSteps: [
          { from: ms('2021-02-01T09:00:00+07:00'), dueAt: ms('2021-02-04T23:59:59.999+07:00') },
        ],
        resolvedAt: null,
        outcome: null,
        resultDigitized: false,
        withdrawnAt: null,
        apologized: false,
        apologizedAt: null,
        apologyNewDueAt: null,
        onTime: null,
        early: null,
        payments: [],
        firstPaidAt: null,
        ratings: [],
        open: openClosed('2021-02-01T09:00:00+07:00', null),
        paused: [],
        overdue: [openClosed('2021-02-04T23:59:59.999+07:00', null)],
        dueSoon: [closed('2021-02-03T00:00:00+07:00', '2021-02-04T23:59:59.999+07:00')],
        facts: [{ at: ms('2021-02-01T09:00:00+07:00'), counters: receiptCounters() }],
      });
    });

    it('is in progress strictly after receipt, and until its resolution inclusive (carried over)', () => {
      const state = derive(receipt, resolved({ at: '2021-02-03T15:00:00+07:00' }));
      const open = state.open!;
      expect(open).toEqual(openClosed('2021-02-01T09:00:00+07:00', '2021-02-03T15:00:00+07:00'));
      expect(rangeContains(open, ms('2021-02-01T09:00:00.000+07:00'))).toBe(false);
      expect(rangeContains(open, ms('2021-02-01T09:00:00.001+07:00'))).toBe(true);
      // Carried over into a window from 00:00 on 2/2: received before, not resolved before.
      expect(rangeContains(open, ms('2021-02-02T00:00:00+07:00'))).toBe(true);
      // A window starting at the resolution instant still carries it over; 1 ms later it does not.
      expect(rangeContains(open, ms('2021-02-03T15:00:00.000+07:00'))).toBe(true);
      expect(rangeContains(open, ms('2021-02-03T15:00:00.001+07:00'))).toBe(false);
      // A window starting before the receipt does not.
      expect(rangeContains(open, ms('2021-02-01T00:00:00+07:00'))).toBe(false);
    });

    it('is in progress with no end while nothing ends it', () => {
      const state = derive(receipt);
      expect(rangeContains(state.open!, ms('2030-01-01T00:00:00+07:00'))).toBe(true);
    });

    it('is overdue by the clock from 1 ms after the due instant', () => {
      const state = derive(receipt);
      expect(state.overdue).toEqual([openClosed('2021-02-04T23:59:59.999+07:00', null)]);
      expect(anyContains(state.overdue, ms('2021-02-04T23:59:59.999+07:00'))).toBe(false);
      expect(anyContains(state.overdue, ms('2021-02-05T00:00:00.000+07:00'))).toBe(true);
      expect(anyContains(state.overdue, ms('2021-03-01T10:00:00+07:00'))).toBe(true);
    });

    it('is due soon on a Friday for a Monday due date, and through the weekend', () => {
      const state = derive(received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }));
      expect(state.dueAt).toBe(ms('2025-03-10T23:59:59.999+07:00')); // Monday
      expect(state.dueSoon).toEqual([
        closed('2025-03-07T00:00:00+07:00', '2025-03-10T23:59:59.999+07:00'),
      ]);
      expect(anyContains(state.dueSoon, ms('2025-03-06T23:59:59.999+07:00'))).toBe(false); // Thursday
      expect(anyContains(state.dueSoon, ms('2025-03-07T00:00:00.000+07:00'))).toBe(true); // Friday
      expect(anyContains(state.dueSoon, ms('2025-03-07T16:30:00+07:00'))).toBe(true);
      expect(anyContains(state.dueSoon, ms('2025-03-09T12:00:00+07:00'))).toBe(true); // Sunday
      expect(anyContains(state.dueSoon, ms('2025-03-10T23:59:59.999+07:00'))).toBe(true);
      expect(anyContains(state.dueSoon, ms('2025-03-11T00:00:00.000+07:00'))).toBe(false);
      expect(anyContains(state.overdue, ms('2025-03-11T00:00:00.000+07:00'))).toBe(true);
    });

    it('is due soon from the moment of receipt when the due day is the next working day', () => {
      // Received Tue 9/2/2021, due Wed 17/2: the next working day after 9/2 is 17/2.
      const state = derive(received({ at: '2021-02-09T09:00:00+07:00', procedureCode: 'TTHC-1D' }));
      expect(state.dueAt).toBe(ms('2021-02-17T23:59:59.999+07:00'));
      expect(state.dueSoon).toEqual([
        {
          lower: ms('2021-02-09T09:00:00+07:00'),
          lowerInclusive: false,
          upper: ms('2021-02-17T23:59:59.999+07:00'),
          upperInclusive: true,
        },
      ]);
    });

    it('is due soon only on the due day itself when that day is not a working day', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', dueAt: '2025-03-08T12:00:00+07:00' }),
      );
      expect(state.dueSoon).toEqual([
        closed('2025-03-08T00:00:00+07:00', '2025-03-08T12:00:00+07:00'),
      ]);
      expect(anyContains(state.dueSoon, ms('2025-03-07T10:00:00+07:00'))).toBe(false);
    });
  });

  describe('pauses', () => {
    it('move the due date over a weekend by the two working days touched (Fri, Mon)', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
        resumed({ at: '2025-03-10T08:30:00+07:00' }),
      );
      expect(state.baseDueAt).toBe(ms('2025-03-10T23:59:59.999+07:00'));
      expect(state.dueAt).toBe(ms('2025-03-12T23:59:59.999+07:00'));
      expect(state.dueSteps).toEqual([
        { from: ms('2025-03-03T09:00:00+07:00'), dueAt: ms('2025-03-10T23:59:59.999+07:00') },
        { from: ms('2025-03-10T08:30:00+07:00'), dueAt: ms('2025-03-12T23:59:59.999+07:00') },
      ]);
      expect(state.paused).toEqual([
        openClosed('2025-03-07T16:00:00+07:00', '2025-03-10T08:30:00+07:00'),
      ]);
      expect(state.overdue).toEqual([openClosed('2025-03-12T23:59:59.999+07:00', null)]);
      expect(state.dueSoon).toEqual([
        closed('2025-03-07T00:00:00+07:00', '2025-03-07T16:00:00+07:00'),
        closed('2025-03-11T00:00:00+07:00', '2025-03-12T23:59:59.999+07:00'),
      ]);
      // Paused on Saturday: neither due soon nor overdue, still in progress.
      const saturday = ms('2025-03-08T12:00:00+07:00');
      expect(anyContains(state.paused, saturday)).toBe(true);
      expect(anyContains(state.dueSoon, saturday)).toBe(false);
      expect(anyContains(state.overdue, saturday)).toBe(false);
      expect(rangeContains(state.open!, saturday)).toBe(true);
      // The pause boundaries: paused at the resume instant, active again 1 ms later.
      expect(anyContains(state.paused, ms('2025-03-07T16:00:00.000+07:00'))).toBe(false);
      expect(anyContains(state.paused, ms('2025-03-07T16:00:00.001+07:00'))).toBe(true);
      expect(anyContains(state.paused, ms('2025-03-10T08:30:00.000+07:00'))).toBe(true);
      expect(anyContains(state.paused, ms('2025-03-10T08:30:00.001+07:00'))).toBe(false);
    });

    it('move a source dueAt too, keeping its time of day', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', dueAt: '2025-03-07T17:00:00+07:00' }),
        paused({ at: '2025-03-07T10:00:00+07:00' }),
        resumed({ at: '2025-03-10T09:00:00+07:00' }),
      );
      expect(state.baseDueAt).toBe(ms('2025-03-07T17:00:00+07:00'));
      expect(state.dueAt).toBe(ms('2025-03-11T17:00:00+07:00'));
    });

    it('over Tết 2021 count only the working days touched (5, 8, 9 and 17/2)', () => {
      const state = derive(
        received({ at: '2021-02-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2021-02-05T15:00:00+07:00' }),
        resumed({ at: '2021-02-17T10:00:00+07:00' }),
      );
      // Wed 3/2 → Thu 4, Fri 5, Mon 8, Tue 9, Wed 17.
      expect(state.baseDueAt).toBe(ms('2021-02-17T23:59:59.999+07:00'));
      // + 4 working days: 18, 19, 22, 23.
      expect(state.dueAt).toBe(ms('2021-02-23T23:59:59.999+07:00'));
      expect(state.paused).toEqual([
        openClosed('2021-02-05T15:00:00+07:00', '2021-02-17T10:00:00+07:00'),
      ]);
      expect(state.overdue).toEqual([openClosed('2021-02-23T23:59:59.999+07:00', null)]);
    });

    it('inside Tết 2021 touch no working day and move nothing', () => {
      const state = derive(
        received({ at: '2021-02-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2021-02-11T10:00:00+07:00' }),
        resumed({ at: '2021-02-16T16:00:00+07:00' }),
      );
      expect(state.dueAt).toBe(ms('2021-02-17T23:59:59.999+07:00'));
      expect(state.paused).toEqual([
        openClosed('2021-02-11T10:00:00+07:00', '2021-02-16T16:00:00+07:00'),
      ]);
    });

    it('over Tết 2026 (14–22/2) count 13 and 23/2 and turn a late resolution into an early one', () => {
      const receipt = received({ at: '2026-02-12T10:00:00+07:00', procedureCode: 'TTHC-2D' });
      const resolution = resolved({ at: '2026-02-24T10:00:00+07:00' });
      const withoutPause = derive(receipt, resolution);
      expect(withoutPause.dueAt).toBe(ms('2026-02-23T23:59:59.999+07:00'));
      expect(withoutPause.onTime).toBe(false);

      const state = derive(
        receipt,
        paused({ at: '2026-02-13T14:00:00+07:00' }),
        resumed({ at: '2026-02-23T08:00:00+07:00' }),
        resolution,
      );
      expect(state.baseDueAt).toBe(ms('2026-02-23T23:59:59.999+07:00'));
      expect(state.dueAt).toBe(ms('2026-02-25T23:59:59.999+07:00'));
      expect(state.onTime).toBe(true);
      expect(state.early).toBe(true);
      expect(state.overdue).toEqual([]);
    });

    it('add up, one after another', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2025-03-04T09:00:00+07:00' }),
        resumed({ at: '2025-03-04T11:00:00+07:00' }), // touches Tue 4/3: +1
        paused({ at: '2025-03-06T09:00:00+07:00' }),
        resumed({ at: '2025-03-07T11:00:00+07:00' }), // touches Thu 6, Fri 7: +2
      );
      expect(state.dueAt).toBe(ms('2025-03-13T23:59:59.999+07:00'));
      expect(state.dueSteps).toEqual([
        { from: ms('2025-03-03T09:00:00+07:00'), dueAt: ms('2025-03-10T23:59:59.999+07:00') },
        { from: ms('2025-03-04T11:00:00+07:00'), dueAt: ms('2025-03-11T23:59:59.999+07:00') },
        { from: ms('2025-03-07T11:00:00+07:00'), dueAt: ms('2025-03-13T23:59:59.999+07:00') },
      ]);
      expect(state.paused).toEqual([
        openClosed('2025-03-04T09:00:00+07:00', '2025-03-04T11:00:00+07:00'),
        openClosed('2025-03-06T09:00:00+07:00', '2025-03-07T11:00:00+07:00'),
      ]);
    });

    it('after the due date stop the overdue clock while paused, then it runs again', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-1D' }),
        paused({ at: '2025-03-06T10:00:00+07:00' }),
        resumed({ at: '2025-03-07T10:00:00+07:00' }),
      );
      expect(state.baseDueAt).toBe(ms('2025-03-04T23:59:59.999+07:00'));
      expect(state.dueAt).toBe(ms('2025-03-06T23:59:59.999+07:00')); // + Thu 6, Fri 7
      expect(state.overdue).toEqual([
        openClosed('2025-03-04T23:59:59.999+07:00', '2025-03-06T10:00:00+07:00'),
        openClosed('2025-03-07T10:00:00+07:00', null),
      ]);
      expect(state.dueSoon).toEqual([
        {
          lower: ms('2025-03-03T09:00:00+07:00'),
          lowerInclusive: false,
          upper: ms('2025-03-04T23:59:59.999+07:00'),
          upperInclusive: true,
        },
      ]);
      expect(anyContains(state.overdue, ms('2025-03-06T12:00:00+07:00'))).toBe(false);
      expect(anyContains(state.paused, ms('2025-03-06T12:00:00+07:00'))).toBe(true);
      expect(anyContains(state.overdue, ms('2025-03-07T10:00:00.001+07:00'))).toBe(true);
    });

    it('that is still open keeps the dossier paused with no end, and the due date as it was', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
      );
      expect(state.dueAt).toBe(ms('2025-03-10T23:59:59.999+07:00'));
      expect(state.paused).toEqual([openClosed('2025-03-07T16:00:00+07:00', null)]);
      expect(state.overdue).toEqual([]);
      expect(state.dueSoon).toEqual([
        closed('2025-03-07T00:00:00+07:00', '2025-03-07T16:00:00+07:00'),
      ]);
      expect(anyContains(state.overdue, ms('2025-04-01T10:00:00+07:00'))).toBe(false);
    });

    it('that the resolution ends counts up to the day of resolution', () => {
      const state = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
        resolved({ at: '2025-03-11T10:00:00+07:00' }),
      );
      expect(state.paused).toEqual([
        openClosed('2025-03-07T16:00:00+07:00', '2025-03-11T10:00:00+07:00'),
      ]);
      // Touches Fri 7, Mon 10, Tue 11: 10/3 + 3 working days.
      expect(state.dueAt).toBe(ms('2025-03-13T23:59:59.999+07:00'));
      expect(state.onTime).toBe(true);
      expect(state.early).toBe(true);
    });

    it('dated at the very instant of the resolution is ignored (it cannot make a late dossier on time)', () => {
      const receipt = received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' });
      const resolution = resolved({ at: '2021-02-05T10:00:00+07:00' });
      const state = derive(receipt, paused({ at: '2021-02-05T10:00:00+07:00' }), resolution);
      expect(state).toEqual(derive(receipt, resolution));
      expect(state.paused).toEqual([]);
      expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.onTime).toBe(false);
      // Paused and resumed at that instant too: still nothing.
      const both = derive(
        receipt,
        paused({ at: '2021-02-05T10:00:00+07:00' }),
        resumed({ at: '2021-02-05T10:00:00+07:00' }),
        resolution,
      );
      expect(both.paused).toEqual([]);
      expect(both.onTime).toBe(false);
    });

    it('that a resume ends at the very instant of the resolution still counts', () => {
      const state = derive(
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        paused({ at: '2021-02-04T10:00:00+07:00' }),
        resumed({ at: '2021-02-05T10:00:00+07:00' }),
        resolved({ at: '2021-02-05T10:00:00+07:00' }),
      );
      expect(state.paused).toEqual([
        openClosed('2021-02-04T10:00:00+07:00', '2021-02-05T10:00:00+07:00'),
      ]);
      // Touches Thu 4 and Fri 5: 4/2 + 2 working days = Mon 8/2.
      expect(state.dueAt).toBe(ms('2021-02-08T23:59:59.999+07:00'));
      expect(state.onTime).toBe(true);
    });

    it('a second pause while paused, or a resume while running, changes nothing', () => {
      const plain = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
        resumed({ at: '2025-03-10T08:30:00+07:00' }),
      );
      const noisy = derive(
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D' }),
        resumed({ at: '2025-03-05T09:00:00+07:00' }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
        paused({ at: '2025-03-08T10:00:00+07:00' }),
        resumed({ at: '2025-03-10T08:30:00+07:00' }),
      );
      expect(noisy.dueAt).toBe(ms('2025-03-12T23:59:59.999+07:00'));
      expect(noisy.paused).toEqual(plain.paused);
      expect(noisy.overdue).toEqual(plain.overdue);
      expect(noisy.dueSoon).toEqual(plain.dueSoon);
    });
  });

  describe('resolution', () => {
    const receipt = received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' });
    // Due 2021-02-04T23:59:59.999+07:00.

    it('exactly at the due instant is on time (not early)', () => {
      const state = derive(receipt, resolved({ at: '2021-02-04T23:59:59.999+07:00' }));
      expect(state.resolvedAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.onTime).toBe(true);
      expect(state.early).toBe(false);
      expect(state.overdue).toEqual([]);
      expect(state.facts[1]).toEqual({
        at: ms('2021-02-04T23:59:59.999+07:00'),
        counters: resolutionCounters({ resolved_on_time: 1 }),
      });
    });

    it('1 ms after the due instant is late', () => {
      const state = derive(receipt, resolved({ at: '2021-02-05T00:00:00.000+07:00' }));
      expect(state.onTime).toBe(false);
      expect(state.early).toBe(false);
      // Overdue for exactly that last millisecond.
      expect(state.overdue).toEqual([
        openClosed('2021-02-04T23:59:59.999+07:00', '2021-02-05T00:00:00.000+07:00'),
      ]);
      expect(state.facts[1]).toEqual({
        at: ms('2021-02-05T00:00:00.000+07:00'),
        counters: resolutionCounters({ resolved_late: 1 }),
      });
    });

    it('on a local day before the due day is early (and on time)', () => {
      const state = derive(
        receipt,
        resolved({ at: '2021-02-03T15:00:00+07:00', resultDigitized: true }),
      );
      expect(state.onTime).toBe(true);
      expect(state.early).toBe(true);
      expect(state.outcome).toBe('approved');
      expect(state.resultDigitized).toBe(true);
      expect(state.facts).toEqual([
        { at: ms('2021-02-01T09:00:00+07:00'), counters: receiptCounters() },
        {
          at: ms('2021-02-03T15:00:00+07:00'),
          counters: resolutionCounters({
            resolved_on_time: 1,
            resolved_early: 1,
            resolved_result_digitized: 1,
          }),
        },
      ]);
    });

    it('at 23:59 local of the day before the due day (16:59 UTC) is early', () => {
      const state = derive(receipt, resolved({ at: '2021-02-03T16:59:00Z' }));
      expect(state.early).toBe(true);
      const sameDay = derive(receipt, resolved({ at: '2021-02-03T17:00:00Z' })); // 00:00 on 4/2 local
      expect(sameDay.onTime).toBe(true);
      expect(sameDay.early).toBe(false);
    });

    it('ends the in-progress, overdue and due-soon ranges; a rejection is resolved too', () => {
      const state = derive(
        receipt,
        resolved({ at: '2021-02-08T10:00:00+07:00', outcome: 'rejected' }),
      );
      expect(state.outcome).toBe('rejected');
      expect(state.open).toEqual(
        openClosed('2021-02-01T09:00:00+07:00', '2021-02-08T10:00:00+07:00'),
      );
      expect(state.overdue).toEqual([
        openClosed('2021-02-04T23:59:59.999+07:00', '2021-02-08T10:00:00+07:00'),
      ]);
      expect(state.dueSoon).toEqual([
        closed('2021-02-03T00:00:00+07:00', '2021-02-04T23:59:59.999+07:00'),
      ]);
      expect(state.facts[1].counters).toEqual(resolutionCounters({ resolved_late: 1 }));
    });

    describe('apology', () => {
      it('counts a late dossier with an apology, and does not make it on time', () => {
        const state = derive(
          receipt,
          apologized({ at: '2021-02-04T16:00:00+07:00', newDueAt: '2021-02-09T17:00:00+07:00' }),
          resolved({ at: '2021-02-08T10:00:00+07:00' }),
        );
        expect(state.apologized).toBe(true);
        expect(state.apologyNewDueAt).toBe(ms('2021-02-09T17:00:00+07:00'));
        expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
        expect(state.onTime).toBe(false);
        expect(state.facts[1].counters).toEqual(
          resolutionCounters({ resolved_late: 1, resolved_late_apologized: 1 }),
        );
      });

      it('keeps when the first apology was sent and the latest one’s new due date, in any order', () => {
        const state = derive(
          apologized({ at: '2021-02-06T09:00:00+07:00', newDueAt: '2021-02-12T17:00:00+07:00' }),
          receipt,
          apologized({ at: '2021-02-05T09:00:00+07:00', newDueAt: '2021-02-09T17:00:00+07:00' }),
        );
        expect(state.apologizedAt).toBe(ms('2021-02-05T09:00:00+07:00'));
        expect(state.apologyNewDueAt).toBe(ms('2021-02-12T17:00:00+07:00'));
      });

      it('counts a late dossier without an apology as unapologized', () => {
        const state = derive(receipt, resolved({ at: '2021-02-08T10:00:00+07:00' }));
        expect(state.apologized).toBe(false);
        expect(state.apologizedAt).toBeNull();
        expect(state.apologyNewDueAt).toBeNull();
        expect(state.facts[1].counters).toEqual(
          resolutionCounters({ resolved_late: 1, resolved_late_apologized: 0 }),
        );
      });

      it('does not count an apology for a dossier resolved on time', () => {
        const state = derive(
          receipt,
          apologized({ at: '2021-02-02T16:00:00+07:00', newDueAt: '2021-02-09T17:00:00+07:00' }),
          resolved({ at: '2021-02-04T10:00:00+07:00' }),
        );
        expect(state.apologized).toBe(true);
        expect(state.facts[1].counters).toEqual(resolutionCounters({ resolved_on_time: 1 }));
      });
    });
  });

  describe('withdrawal', () => {
    it('ends the dossier without resolving it', () => {
      const state = derive(
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        withdrawn({ at: '2021-02-05T10:00:00+07:00' }),
        resolved({ at: '2021-02-05T11:00:00+07:00' }),
      );
      expect(state.withdrawnAt).toBe(ms('2021-02-05T10:00:00+07:00'));
      expect(state.resolvedAt).toBeNull();
      expect(state.outcome).toBeNull();
      expect(state.onTime).toBeNull();
      expect(state.early).toBeNull();
      expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.open).toEqual(
        openClosed('2021-02-01T09:00:00+07:00', '2021-02-05T10:00:00+07:00'),
      );
      expect(state.overdue).toEqual([
        openClosed('2021-02-04T23:59:59.999+07:00', '2021-02-05T10:00:00+07:00'),
      ]);
      expect(rangeContains(state.open!, ms('2021-02-05T10:00:00.001+07:00'))).toBe(false);
      expect(state.facts).toEqual([
        { at: ms('2021-02-01T09:00:00+07:00'), counters: receiptCounters() },
      ]);
    });

    it('while paused ends the pause too', () => {
      const state = derive(
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        paused({ at: '2021-02-02T10:00:00+07:00' }),
        withdrawn({ at: '2021-02-03T10:00:00+07:00' }),
      );
      expect(state.paused).toEqual([
        openClosed('2021-02-02T10:00:00+07:00', '2021-02-03T10:00:00+07:00'),
      ]);
      expect(state.overdue).toEqual([]);
    });
  });

  describe('event order, duplicates and late arrivals', () => {
    const history = () => {
      const events = [
        received({ at: '2025-03-03T09:00:00+07:00', procedureCode: 'TTHC-5D', feeVnd: 50_000 }),
        paused({ at: '2025-03-07T16:00:00+07:00' }),
        resumed({ at: '2025-03-10T08:30:00+07:00' }),
        paid({ at: '2025-03-03T09:05:00+07:00', paymentId: 'PAY-1', status: 'succeeded' }),
        resolved({ at: '2025-03-11T10:00:00+07:00' }),
        rated({ at: '2025-03-11T11:00:00+07:00', score: 5 }),
      ];
      return events;
    };

    it('gives the same state when every event comes twice', () => {
      const events = history();
      const once = derive(...events);
      const twice = derive(...events, ...events.map((e) => ({ ...e })));
      expect(twice).toEqual(once);
      expect(twice.ratings).toEqual([{ at: ms('2025-03-11T11:00:00+07:00'), score: 5 }]);
      expect(twice.payments).toHaveLength(1);
      expect(twice.paused).toHaveLength(1);
      expect(twice.facts).toHaveLength(4);
    });

    it('gives the same state whatever order the events arrive in', () => {
      const events = history();
      const inOrder = derive(...events);
      expect(derive(...[...events].reverse())).toEqual(inOrder);
      expect(derive(events[4], events[2], events[0], events[5], events[1], events[3])).toEqual(
        inOrder,
      );
      expect(inOrder.dueAt).toBe(ms('2025-03-12T23:59:59.999+07:00'));
      expect(inOrder.onTime).toBe(true);
      expect(inOrder.early).toBe(true);
    });

    it('accepts a resolved that arrives before its received', () => {
      const state = derive(
        resolved({ at: '2021-02-03T15:00:00+07:00' }),
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
      );
      expect(state.received?.at).toBe(ms('2021-02-01T09:00:00+07:00'));
      expect(state.resolvedAt).toBe(ms('2021-02-03T15:00:00+07:00'));
      expect(state.onTime).toBe(true);
      expect(state.early).toBe(true);
      expect(state.facts.map((f) => f.at)).toEqual([
        ms('2021-02-01T09:00:00+07:00'),
        ms('2021-02-03T15:00:00+07:00'),
      ]);
    });

    it('has no state to count before its received arrives', () => {
      const state = derive(
        resolved({ at: '2021-02-03T15:00:00+07:00' }),
        rated({ at: '2021-02-03T16:00:00+07:00', score: 5 }),
      );
      expect(state.received).toBeNull();
      expect(state.resolvedAt).toBeNull();
      expect(state.open).toBeNull();
      expect(state.facts).toEqual([]);
      expect(state.ratings).toEqual([{ at: ms('2021-02-03T16:00:00+07:00'), score: 5 }]);
    });

    it('re-derives with a pause that arrives late: a late resolution becomes early', () => {
      const receipt = received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' });
      const resolution = resolved({ at: '2021-02-05T10:00:00+07:00' });
      const before = derive(receipt, resolution);
      expect(before.onTime).toBe(false);
      expect(before.facts[1].counters).toEqual(resolutionCounters({ resolved_late: 1 }));

      const after = derive(
        receipt,
        resolution,
        resumed({ at: '2021-02-03T10:00:00+07:00' }),
        paused({ at: '2021-02-02T10:00:00+07:00' }),
      );
      // Touches Tue 2 and Wed 3: 4/2 + 2 working days = Mon 8/2.
      expect(after.dueAt).toBe(ms('2021-02-08T23:59:59.999+07:00'));
      expect(after.onTime).toBe(true);
      expect(after.early).toBe(true);
      expect(after.facts[1].counters).toEqual(
        resolutionCounters({ resolved_on_time: 1, resolved_early: 1 }),
      );
    });

    it('keeps the earliest received, wherever it comes in the list', () => {
      const state = derive(
        received({ at: '2021-02-02T09:00:00+07:00', channel: 'online', procedureCode: 'TTHC-1D' }),
        received({ at: '2021-02-01T09:00:00+07:00', channel: 'direct', procedureCode: 'TTHC-3D' }),
      );
      expect(state.received?.at).toBe(ms('2021-02-01T09:00:00+07:00'));
      expect(state.received?.channel).toBe('direct');
      expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.facts).toEqual([
        {
          at: ms('2021-02-01T09:00:00+07:00'),
          counters: {
            received: 1,
            received_direct: 1,
            digitization_base: 0,
            digitization_full: 0,
            fee_dossiers: 0,
            fee_dossiers_paid: 0,
          },
        },
      ]);
    });

    it('ignores lifecycle events dated before the receipt', () => {
      const state = derive(
        paused({ at: '2021-01-29T10:00:00+07:00' }),
        resolved({ at: '2021-01-31T10:00:00+07:00' }),
        withdrawn({ at: '2021-02-01T08:59:59.999+07:00' }),
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        resumed({ at: '2021-02-02T10:00:00+07:00' }),
      );
      expect(state.paused).toEqual([]);
      expect(state.resolvedAt).toBeNull();
      expect(state.withdrawnAt).toBeNull();
      expect(state.dueAt).toBe(ms('2021-02-04T23:59:59.999+07:00'));
      expect(state.open).toEqual(openClosed('2021-02-01T09:00:00+07:00', null));
    });

    it('ignores lifecycle events at or after the end: the first resolution stands', () => {
      const state = derive(
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        resolved({ at: '2021-02-03T15:00:00+07:00', outcome: 'approved' }),
        resolved({ at: '2021-02-03T15:00:00+07:00', outcome: 'rejected', eventId: 'zz-later-id' }),
        resolved({ at: '2021-02-05T10:00:00+07:00', outcome: 'rejected' }),
        withdrawn({ at: '2021-02-04T10:00:00+07:00' }),
        paused({ at: '2021-02-03T16:00:00+07:00' }),
      );
      expect(state.resolvedAt).toBe(ms('2021-02-03T15:00:00+07:00'));
      expect(state.withdrawnAt).toBeNull();
      expect(state.paused).toEqual([]);
      expect(state.facts.filter((f) => f.counters.resolved === 1)).toHaveLength(1);
    });
  });

  describe('payments', () => {
    const receipt = received({
      at: '2021-02-01T09:00:00+07:00',
      procedureCode: 'TTHC-3D',
      feeVnd: 50_000,
    });

    it('counts a failed then succeeded payment with the same id as one success', () => {
      const failed = paid({
        at: '2021-02-01T09:10:00+07:00',
        paymentId: 'PAY-1',
        status: 'failed',
      });
      const succeeded = paid({
        at: '2021-02-01T09:12:00+07:00',
        paymentId: 'PAY-1',
        status: 'succeeded',
        amountVnd: 50_000,
      });
      for (const state of [
        derive(receipt, failed, succeeded),
        derive(succeeded, receipt, failed),
      ]) {
        expect(state.payments).toEqual([
          {
            paymentId: 'PAY-1',
            status: 'succeeded',
            amountVnd: 50_000,
            at: ms('2021-02-01T09:12:00+07:00'),
          },
        ]);
        expect(state.firstPaidAt).toBe(ms('2021-02-01T09:12:00+07:00'));
        expect(state.facts).toEqual([
          {
            at: ms('2021-02-01T09:00:00+07:00'),
            counters: receiptCounters({ fee_dossiers: 1, fee_dossiers_paid: 1 }),
          },
          {
            at: ms('2021-02-01T09:12:00+07:00'),
            counters: { payments_succeeded: 1, payments_amount_vnd: 50_000 },
          },
        ]);
      }
    });

    it('keeps a success when a failure with the same id comes after it', () => {
      const state = derive(
        receipt,
        paid({
          at: '2021-02-01T09:12:00+07:00',
          paymentId: 'PAY-1',
          status: 'succeeded',
          amountVnd: 50_000,
        }),
        paid({
          at: '2021-02-01T09:20:00+07:00',
          paymentId: 'PAY-1',
          status: 'failed',
          amountVnd: 50_000,
        }),
      );
      expect(state.payments).toEqual([
        {
          paymentId: 'PAY-1',
          status: 'succeeded',
          amountVnd: 50_000,
          at: ms('2021-02-01T09:12:00+07:00'),
        },
      ]);
    });

    it('counts different payment ids separately', () => {
      const state = derive(
        receipt,
        paid({
          at: '2021-02-01T09:10:00+07:00',
          paymentId: 'PAY-1',
          status: 'failed',
          amountVnd: 50_000,
        }),
        paid({
          at: '2021-02-01T09:11:00+07:00',
          paymentId: 'PAY-1',
          status: 'failed',
          amountVnd: 50_000,
        }),
        paid({
          at: '2021-02-01T09:12:00+07:00',
          paymentId: 'PAY-2',
          status: 'succeeded',
          amountVnd: 30_000,
        }),
        paid({
          at: '2021-02-02T09:12:00+07:00',
          paymentId: 'PAY-3',
          status: 'succeeded',
          amountVnd: 20_000,
        }),
      );
      expect(state.firstPaidAt).toBe(ms('2021-02-01T09:12:00+07:00'));
      expect(state.facts.slice(1)).toEqual([
        { at: ms('2021-02-01T09:11:00+07:00'), counters: { payments_failed: 1 } },
        {
          at: ms('2021-02-01T09:12:00+07:00'),
          counters: { payments_succeeded: 1, payments_amount_vnd: 30_000 },
        },
        {
          at: ms('2021-02-02T09:12:00+07:00'),
          counters: { payments_succeeded: 1, payments_amount_vnd: 20_000 },
        },
      ]);
    });

    it('leaves a fee dossier unpaid when every attempt failed', () => {
      const state = derive(
        receipt,
        paid({ at: '2021-02-01T09:10:00+07:00', paymentId: 'PAY-1', status: 'failed' }),
      );
      expect(state.firstPaidAt).toBeNull();
      expect(state.facts[0].counters).toEqual(
        receiptCounters({ fee_dossiers: 1, fee_dossiers_paid: 0 }),
      );
    });
  });

  describe('ratings', () => {
    it('counts each rating; 4 and 5 are satisfied', () => {
      const state = derive(
        received({ at: '2021-02-01T09:00:00+07:00', procedureCode: 'TTHC-3D' }),
        rated({ at: '2021-02-03T10:00:00+07:00', score: 5 }),
        rated({ at: '2021-02-03T11:00:00+07:00', score: 4 }),
        rated({ at: '2021-02-03T12:00:00+07:00', score: 3 }),
        rated({ at: '2021-02-03T12:00:00+07:00', score: 1 }),
      );
      expect(state.ratings).toHaveLength(4);
      expect(state.facts.slice(1)).toEqual([
        { at: ms('2021-02-03T10:00:00+07:00'), counters: { ratings: 1, ratings_satisfied: 1 } },
        { at: ms('2021-02-03T11:00:00+07:00'), counters: { ratings: 1, ratings_satisfied: 1 } },
        { at: ms('2021-02-03T12:00:00+07:00'), counters: { ratings: 1, ratings_satisfied: 0 } },
        { at: ms('2021-02-03T12:00:00+07:00'), counters: { ratings: 1, ratings_satisfied: 0 } },
      ]);
    });
  });

  describe('receipt facts', () => {
    const receiptAt = '2021-02-01T09:00:00+07:00';
    const factOf = (fields: Partial<Parameters<typeof received>[0]>) =>
      derive(received({ at: receiptAt, ...fields })).facts[0];

    it('counts the channel', () => {
      expect(factOf({ channel: 'direct' }).counters).toEqual({
        received: 1,
        received_direct: 1,
        digitization_base: 0,
        digitization_full: 0,
        fee_dossiers: 0,
        fee_dossiers_paid: 0,
      });
      expect(factOf({ channel: 'postal' }).counters.received_postal).toBe(1);
    });

    it('counts digitisation only with components, and full only when all are digitised', () => {
      expect(factOf({ componentsTotal: 4, componentsDigitized: 4 }).counters).toEqual(
        receiptCounters({ digitization_base: 1, digitization_full: 1 }),
      );
      expect(factOf({ componentsTotal: 4, componentsDigitized: 3 }).counters).toEqual(
        receiptCounters({ digitization_base: 1, digitization_full: 0 }),
      );
      expect(factOf({ componentsTotal: 4 }).counters).toEqual(
        receiptCounters({ digitization_base: 1 }),
      );
      expect(factOf({ componentsTotal: 0, componentsDigitized: 0 }).counters).toEqual(
        receiptCounters(),
      );
    });

    it('counts a fee dossier only with a fee above zero', () => {
      expect(factOf({ feeVnd: 0 }).counters).toEqual(receiptCounters());
      expect(factOf({ feeVnd: 1 }).counters).toEqual(receiptCounters({ fee_dossiers: 1 }));
    });

    it('gives every fact of a full history, in order', () => {
      const state = derive(
        received({
          at: '2021-02-01T09:00:00+07:00',
          procedureCode: 'TTHC-3D',
          channel: 'online',
          componentsTotal: 3,
          componentsDigitized: 3,
          feeVnd: 100_000,
        }),
        paid({
          at: '2021-02-01T09:30:00+07:00',
          paymentId: 'PAY-9',
          status: 'failed',
          amountVnd: 100_000,
        }),
        paid({
          at: '2021-02-01T09:35:00+07:00',
          paymentId: 'PAY-9',
          status: 'succeeded',
          amountVnd: 100_000,
        }),
        apologized({ at: '2021-02-04T17:00:00+07:00', newDueAt: '2021-02-08T17:00:00+07:00' }),
        resolved({ at: '2021-02-08T09:00:00+07:00', resultDigitized: true }),
        rated({ at: '2021-02-08T10:00:00+07:00', score: 2 }),
      );
      expect(state.facts).toEqual([
        {
          at: ms('2021-02-01T09:00:00+07:00'),
          counters: receiptCounters({
            digitization_base: 1,
            digitization_full: 1,
            fee_dossiers: 1,
            fee_dossiers_paid: 1,
          }),
        },
        {
          at: ms('2021-02-08T09:00:00+07:00'),
          counters: resolutionCounters({
            resolved_late: 1,
            resolved_result_digitized: 1,
            resolved_late_apologized: 1,
          }),
        },
        {
          at: ms('2021-02-01T09:35:00+07:00'),
          counters: { payments_succeeded: 1, payments_amount_vnd: 100_000 },
        },
        { at: ms('2021-02-08T10:00:00+07:00'), counters: { ratings: 1, ratings_satisfied: 0 } },
      ]);
    });
  });
});

describe('shiftDue', () => {
  const calendar = new WorkingCalendar(new LocalClock());

  it('moves a due instant on by working days, keeping its time of day', () => {
    expect(shiftDue(ms('2025-03-07T17:00:00+07:00'), 2, calendar)).toBe(
      ms('2025-03-11T17:00:00+07:00'),
    );
    expect(shiftDue(ms('2021-02-09T23:59:59.999+07:00'), 1, calendar)).toBe(
      ms('2021-02-17T23:59:59.999+07:00'),
    );
    expect(shiftDue(ms('2026-02-13T08:00:00+07:00'), 1, calendar)).toBe(
      ms('2026-02-23T08:00:00+07:00'),
    );
  });

  it('leaves it alone for zero days', () => {
    expect(shiftDue(ms('2025-03-08T12:00:00+07:00'), 0, calendar)).toBe(
      ms('2025-03-08T12:00:00+07:00'),
    );
  });

  it('moves a due date on a day off to working days after it', () => {
    expect(shiftDue(ms('2025-03-08T12:00:00+07:00'), 1, calendar)).toBe(
      ms('2025-03-10T12:00:00+07:00'),
    );
  });
});

describe('firstDueSoonDay', () => {
  const calendar = new WorkingCalendar(new LocalClock());

  it('is the previous working day for a working due day', () => {
    expect(firstDueSoonDay('2025-03-10', calendar)).toBe('2025-03-07'); // Monday → Friday
    expect(firstDueSoonDay('2025-03-12', calendar)).toBe('2025-03-11');
    expect(firstDueSoonDay('2021-02-17', calendar)).toBe('2021-02-09'); // across Tết 2021
    expect(firstDueSoonDay('2026-02-23', calendar)).toBe('2026-02-13'); // across Tết 2026
    expect(firstDueSoonDay('2025-04-28', calendar)).toBe('2025-04-26'); // Saturday làm bù
  });

  it('is the due day itself when that is a day off', () => {
    expect(firstDueSoonDay('2025-03-08', calendar)).toBe('2025-03-08');
    expect(firstDueSoonDay('2021-02-12', calendar)).toBe('2021-02-12');
  });
});
