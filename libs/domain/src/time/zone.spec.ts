import { LocalClock } from './local-date';
import { isTimeZone, localDateOf } from './zone';

const ms = (iso: string) => Date.parse(iso);

describe('isTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Atlantis')).toBe(false);
    expect(isTimeZone('Hà Nội')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('localDateOf', () => {
  it('gives the day in the zone asked, not in UTC or the machine’s', () => {
    // 17:00 UTC is midnight in Vietnam (UTC+7 all year).
    expect(localDateOf(ms('2026-11-20T16:59:59.999Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-20');
    expect(localDateOf(ms('2026-11-20T17:00:00.000Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-21');
    expect(localDateOf(ms('2026-11-20T17:00:00.000Z'), 'UTC')).toBe('2026-11-20');
    expect(localDateOf(ms('2026-11-21T04:30:00.000Z'), 'America/New_York')).toBe('2026-11-20');
    expect(localDateOf(ms('2026-12-31T17:00:00.000Z'), 'Asia/Ho_Chi_Minh')).toBe('2027-01-01');
  });

  it('follows summer time: Paris is UTC+2 on 29 March 2026 from 01:00 UTC', () => {
    expect(localDateOf(ms('2026-03-28T22:59:59Z'), 'Europe/Paris')).toBe('2026-03-28');
    expect(localDateOf(ms('2026-03-28T23:00:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDateOf(ms('2026-03-29T21:59:59Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDateOf(ms('2026-03-29T22:00:00Z'), 'Europe/Paris')).toBe('2026-03-30');
  });

  it('writes four-digit years', () => {
    expect(localDateOf(ms('0099-06-01T12:00:00Z'), 'UTC')).toBe('0099-06-01');
  });

  it('agrees with LocalClock every hour of a year with a summer-time change', () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'Europe/Paris', 'America/Santiago']) {
      const clock = new LocalClock(zone);
      const differences: string[] = [];
      for (let hour = 0; hour < 366 * 24; hour++) {
        const instant = ms('2026-01-01T00:30:00Z') + hour * 3_600_000;
        if (localDateOf(instant, zone) !== clock.dateOf(instant))
          differences.push(`${zone} ${new Date(instant).toISOString()}`);
      }
      expect(differences).toEqual([]);
    }
  });
});
