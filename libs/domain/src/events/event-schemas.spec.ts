import {
  EVENT_TYPES,
  isDossierEvent,
  MAX_EVENTS_PER_REQUEST,
  validateEvent,
} from './event-schemas';

const OFFSET_MESSAGE =
  'must be an ISO-8601 date-time with a time zone offset, e.g. 2026-11-21T08:30:00+07:00';

const receivedEvent = {
  eventId: 'evt-0001',
  type: 'dossier.received',
  occurredAt: '2021-02-08T09:00:00+07:00',
  dossierId: 'HS-2021-000001',
  procedureCode: 'TTHC-3D',
  agencyCode: 'SO-TP',
  unitCode: 'HT',
  channel: 'online',
};

const errorsOf = (raw: unknown) => {
  const result = validateEvent(raw);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.event)}`);
  return result.errors;
};

describe('validateEvent', () => {
  describe('accepts', () => {
    it('a minimal dossier.received and returns it parsed', () => {
      expect(validateEvent(receivedEvent)).toEqual({ ok: true, event: receivedEvent });
    });

    it('a dossier.received with every optional field', () => {
      const full = {
        ...receivedEvent,
        dueAt: '2021-02-18T17:00:00+07:00',
        componentsTotal: 4,
        componentsDigitized: 4,
        feeVnd: 50_000,
      };
      expect(validateEvent(full)).toEqual({ ok: true, event: full });
    });

    it('an eventId of exactly 64 characters, trimmed', () => {
      const eventId = 'e'.repeat(64);
      expect(validateEvent({ ...receivedEvent, eventId: `  ${eventId} ` })).toEqual({
        ok: true,
        event: { ...receivedEvent, eventId },
      });
    });

    it('instants in UTC (Z) and with milliseconds', () => {
      expect(validateEvent({ ...receivedEvent, occurredAt: '2021-02-08T02:00:00Z' }).ok).toBe(true);
      expect(
        validateEvent({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00.123+07:00' }).ok,
      ).toBe(true);
    });

    it('one event of each other type', () => {
      const common = { occurredAt: '2021-02-09T10:00:00+07:00', dossierId: 'HS-2021-000001' };
      const events = [
        { ...common, eventId: 'p', type: 'dossier.paused' },
        { ...common, eventId: 'r', type: 'dossier.resumed' },
        {
          ...common,
          eventId: 's',
          type: 'dossier.resolved',
          outcome: 'rejected',
          resultDigitized: true,
        },
        { ...common, eventId: 'w', type: 'dossier.withdrawn' },
        {
          ...common,
          eventId: 'a',
          type: 'dossier.apologized',
          newDueAt: '2021-02-20T17:00:00+07:00',
        },
        {
          ...common,
          eventId: 'pay',
          type: 'payment.completed',
          paymentId: 'PAY-1',
          amountVnd: 50_000,
          status: 'failed',
          method: 'VNPay',
        },
        { ...common, eventId: 'rate', type: 'rating.submitted', score: 5 },
        {
          eventId: 'staff',
          type: 'staffing.reported',
          occurredAt: '2021-02-09T10:00:00+07:00',
          agencyCode: 'SO-TP',
          quota: 40,
          headcount: 37,
          onDuty: 6,
          streamlined: 2,
          recruited: 1,
        },
      ];
      for (const event of events) expect(validateEvent(event)).toEqual({ ok: true, event });
    });
  });

  describe('rejects', () => {
    it('a 65-character eventId', () => {
      expect(errorsOf({ ...receivedEvent, eventId: 'e'.repeat(65) })).toEqual([
        'eventId: eventId must be at most 64 characters',
      ]);
    });

    it('an empty or blank eventId, and a missing one', () => {
      expect(errorsOf({ ...receivedEvent, eventId: '   ' })).toEqual([
        'eventId: eventId must not be empty',
      ]);
      const withoutId: Record<string, unknown> = { ...receivedEvent };
      delete withoutId.eventId;
      expect(errorsOf(withoutId)).toEqual(['eventId: eventId must be a string']);
    });

    it('fields of the wrong type, each with its own reason', () => {
      expect(
        errorsOf({ ...receivedEvent, dossierId: 42, componentsTotal: '3', channel: 'fax' }),
      ).toEqual([
        'dossierId: dossierId must be a string',
        'channel: Invalid option: expected one of "online"|"direct"|"postal"',
        'componentsTotal: Invalid input: expected number, received string',
      ]);
    });

    it('amounts and counts that are not whole non-negative numbers', () => {
      expect(errorsOf({ ...receivedEvent, feeVnd: 12.5 })).toEqual([
        'feeVnd: must be a whole number of đồng',
      ]);
      expect(errorsOf({ ...receivedEvent, feeVnd: -1 })).toEqual(['feeVnd: must not be negative']);
      expect(errorsOf({ ...receivedEvent, componentsTotal: -2 })).toEqual([
        'componentsTotal: must not be negative',
      ]);
    });

    it('a date-time without an offset, a date alone, and an impossible date', () => {
      expect(errorsOf({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00' })).toEqual([
        `occurredAt: ${OFFSET_MESSAGE}`,
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '2021-02-08' })).toEqual([
        `occurredAt: ${OFFSET_MESSAGE}`,
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '2021-02-30T09:00:00+07:00' })).toEqual([
        `occurredAt: ${OFFSET_MESSAGE}`,
      ]);
      expect(errorsOf({ ...receivedEvent, dueAt: '2021-02-18 17:00' })).toEqual([
        `dueAt: ${OFFSET_MESSAGE}`,
      ]);
    });

    it('instants outside 2000–2100 or with an offset no zone has, each with its reason', () => {
      const span = 'must lie between 2000-01-01 and 2100-01-01';
      expect(errorsOf({ ...receivedEvent, occurredAt: '9999-12-31T23:59:59+07:00' })).toEqual([
        `occurredAt: ${span}`,
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '0000-01-01T00:00:00Z' })).toEqual([
        `occurredAt: ${span}`,
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '1999-12-31T23:59:59.999Z' })).toEqual([
        `occurredAt: ${span}`,
      ]);
      expect(errorsOf({ ...receivedEvent, dueAt: '9999-12-31T23:59:59-12:00' })).toEqual([
        `dueAt: ${span}`,
      ]);
      expect(errorsOf({ ...receivedEvent, dueAt: '2100-01-01T00:00:00Z' })).toEqual([
        `dueAt: ${span}`,
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00+23:59' })).toEqual([
        'occurredAt: the time zone offset must lie between -12:00 and +14:00',
      ]);
      expect(errorsOf({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00-12:30' })).toEqual([
        'occurredAt: the time zone offset must lie between -12:00 and +14:00',
      ]);
      expect(
        errorsOf({
          type: 'dossier.apologized',
          eventId: 'a',
          dossierId: 'd',
          occurredAt: '2021-02-08T09:00:00+07:00',
          newDueAt: '2200-01-01T00:00:00+07:00',
        }),
      ).toEqual([`newDueAt: ${span}`]);
      // The edges themselves: the first instant is in, +14:00 and -12:00 are real offsets.
      expect(validateEvent({ ...receivedEvent, occurredAt: '2000-01-01T00:00:00Z' }).ok).toBe(true);
      expect(validateEvent({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00+14:00' }).ok).toBe(
        true,
      );
      expect(validateEvent({ ...receivedEvent, occurredAt: '2021-02-08T09:00:00-12:00' }).ok).toBe(
        true,
      );
    });

    it('amounts above 10^15 VND and counts above a million', () => {
      expect(errorsOf({ ...receivedEvent, feeVnd: 9_007_199_254_740_991 })).toEqual([
        'feeVnd: must not exceed 10^15 VND',
      ]);
      expect(validateEvent({ ...receivedEvent, feeVnd: 1e15 }).ok).toBe(true);
      const payment = {
        type: 'payment.completed',
        eventId: 'p',
        dossierId: 'd',
        occurredAt: '2021-02-08T09:00:00+07:00',
        paymentId: 'p1',
        status: 'succeeded',
      };
      expect(errorsOf({ ...payment, amountVnd: 1e15 + 1 })).toEqual([
        'amountVnd: must not exceed 10^15 VND',
      ]);
      const staffing = {
        type: 'staffing.reported',
        eventId: 's',
        occurredAt: '2021-02-08T09:00:00+07:00',
        agencyCode: 'A',
        headcount: 10,
        onDuty: 2,
      };
      expect(errorsOf({ ...staffing, quota: 3_000_000_000 })).toEqual([
        'quota: must not exceed 1,000,000',
      ]);
      expect(validateEvent({ ...staffing, quota: 1_000_000 }).ok).toBe(true);
      expect(errorsOf({ ...receivedEvent, componentsTotal: 1_000_001 })).toEqual([
        'componentsTotal: must not exceed 1,000,000',
      ]);
    });

    it('control characters (NUL included) in any string', () => {
      expect(errorsOf({ ...receivedEvent, eventId: 'e\u0000' })).toEqual([
        'eventId: eventId must not contain control characters',
      ]);
      expect(errorsOf({ ...receivedEvent, dossierId: 'HS\u001b[31m' })).toEqual([
        'dossierId: dossierId must not contain control characters',
      ]);
      expect(
        errorsOf({
          type: 'payment.completed',
          eventId: 'p',
          dossierId: 'd',
          occurredAt: '2021-02-08T09:00:00+07:00',
          paymentId: 'p1',
          amountVnd: 1,
          status: 'failed',
          method: 'card\u0000',
        }),
      ).toEqual(['method: method must not contain control characters']);
      // Vietnamese letters are not control characters.
      expect(validateEvent({ ...receivedEvent, dossierId: 'HỒ-SƠ-Đồng-Xoài' }).ok).toBe(true);
    });

    it('an unknown type, a missing type, and what is not an object', () => {
      const typeMessage = `type: must be one of ${EVENT_TYPES.join(', ')}`;
      expect(errorsOf({ ...receivedEvent, type: 'dossier.lost' })).toEqual([typeMessage]);
      expect(errorsOf({ ...receivedEvent, type: undefined })).toEqual([typeMessage]);
      // Keys of Object.prototype are not event types (they used to throw a TypeError).
      for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        expect(errorsOf({ ...receivedEvent, type })).toEqual([typeMessage]);
      }
      expect(errorsOf(null)).toEqual(['event must be a JSON object']);
      expect(errorsOf([receivedEvent])).toEqual(['event must be a JSON object']);
      expect(errorsOf('dossier.received')).toEqual(['event must be a JSON object']);
    });

    it('with a reason to count rejections by: not an object, unknown type, invalid fields', () => {
      const reasonOf = (raw: unknown) => {
        const result = validateEvent(raw);
        return result.ok ? 'accepted' : result.reason;
      };
      expect(reasonOf(null)).toBe('not_an_object');
      expect(reasonOf([receivedEvent])).toBe('not_an_object');
      expect(reasonOf({ ...receivedEvent, type: 'dossier.lost' })).toBe('unknown_type');
      expect(reasonOf({ ...receivedEvent, type: '__proto__' })).toBe('unknown_type');
      expect(reasonOf({ ...receivedEvent, feeVnd: -1 })).toBe('invalid_fields');
      expect(reasonOf({ ...receivedEvent, occurredAt: '2021-02-08' })).toBe('invalid_fields');
    });

    it('componentsDigitized greater than componentsTotal, or without it', () => {
      expect(errorsOf({ ...receivedEvent, componentsTotal: 3, componentsDigitized: 4 })).toEqual([
        'componentsDigitized: componentsDigitized must not exceed componentsTotal',
      ]);
      expect(errorsOf({ ...receivedEvent, componentsDigitized: 1 })).toEqual([
        'componentsDigitized: componentsDigitized needs componentsTotal',
        'componentsDigitized: componentsDigitized must not exceed componentsTotal',
      ]);
    });

    it('a dueAt before occurredAt', () => {
      expect(errorsOf({ ...receivedEvent, dueAt: '2021-02-08T08:59:59+07:00' })).toEqual([
        'dueAt: dueAt must not be before occurredAt',
      ]);
    });

    it('a rating outside 1–5 or not whole, an unknown outcome or payment status', () => {
      const common = { eventId: 'x', occurredAt: '2021-02-09T10:00:00+07:00', dossierId: 'HS-1' };
      expect(errorsOf({ ...common, type: 'rating.submitted', score: 6 })).toEqual([
        'score: must be 1 to 5',
      ]);
      expect(errorsOf({ ...common, type: 'rating.submitted', score: 0 })).toEqual([
        'score: must be 1 to 5',
      ]);
      expect(errorsOf({ ...common, type: 'rating.submitted', score: 4.5 })).toEqual([
        'score: must be a whole number',
      ]);
      expect(errorsOf({ ...common, type: 'dossier.resolved', outcome: 'lost' })).toEqual([
        'outcome: Invalid option: expected one of "approved"|"rejected"',
      ]);
      expect(
        errorsOf({
          ...common,
          type: 'payment.completed',
          paymentId: 'P',
          amountVnd: 1,
          status: 'pending',
        }),
      ).toEqual(['status: Invalid option: expected one of "succeeded"|"failed"']);
      expect(errorsOf({ ...common, type: 'dossier.apologized' })).toEqual([
        `newDueAt: ${OFFSET_MESSAGE}`,
      ]);
    });

    it('a staffing report with more officials on duty than on the payroll', () => {
      expect(
        errorsOf({
          eventId: 'staff',
          type: 'staffing.reported',
          occurredAt: '2021-02-09T10:00:00+07:00',
          agencyCode: 'SO-TP',
          quota: 40,
          headcount: 5,
          onDuty: 6,
        }),
      ).toEqual(['onDuty: onDuty must not exceed headcount']);
    });
  });
});

describe('event type helpers', () => {
  it('lists the nine event types and the request limit', () => {
    expect(EVENT_TYPES).toEqual([
      'dossier.received',
      'dossier.paused',
      'dossier.resumed',
      'dossier.resolved',
      'dossier.withdrawn',
      'dossier.apologized',
      'payment.completed',
      'rating.submitted',
      'staffing.reported',
    ]);
    expect(MAX_EVENTS_PER_REQUEST).toBe(5000);
  });

  it('tells dossier events from staffing reports', () => {
    const received = validateEvent(receivedEvent);
    const staffing = validateEvent({
      eventId: 'staff',
      type: 'staffing.reported',
      occurredAt: '2021-02-09T10:00:00+07:00',
      agencyCode: 'SO-TP',
      quota: 1,
      headcount: 1,
      onDuty: 1,
    });
    if (!received.ok || !staffing.ok) throw new Error('fixtures must be valid');
    expect(isDossierEvent(received.event)).toBe(true);
    expect(isDossierEvent(staffing.event)).toBe(false);
  });
});
