import { LOGIN_LIMITS, LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  let now: number;
  let limiter: LoginLimiter;

  beforeEach(() => {
    now = 1_000_000;
    limiter = new LoginLimiter(LOGIN_LIMITS, () => now);
  });

  const failTimes = (times: number, username: string, address: string) => {
    for (let i = 0; i < times; i++) limiter.failed(username, address);
  };

  it('blocks a username from one address after 5 failures, for 30 s', () => {
    failTimes(4, 'leader', '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')).toBeUndefined();
    limiter.failed('leader', '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')).toEqual({
      by: 'account',
      retryAfterMs: 30_000,
    });
    now += 29_999;
    expect(limiter.blocked('leader', '203.0.113.7')?.retryAfterMs).toBe(1);
    now += 1;
    expect(limiter.blocked('leader', '203.0.113.7')).toBeUndefined();
  });

  it('doubles the block with each further failure, up to 15 minutes', () => {
    failTimes(5, 'leader', '203.0.113.7');
    const blocks: number[] = [];
    for (let i = 0; i < 8; i++) {
      now += limiter.blocked('leader', '203.0.113.7')!.retryAfterMs;
      limiter.failed('leader', '203.0.113.7');
      blocks.push(limiter.blocked('leader', '203.0.113.7')!.retryAfterMs / 1000);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
  });

  it('leaves the same username from another address, and other usernames, alone', () => {
    failTimes(5, 'leader', '203.0.113.7');
    expect(limiter.blocked('leader', '198.51.100.2')).toBeUndefined();
    expect(limiter.blocked('chief-689', '203.0.113.7')).toBeUndefined();
  });

  it('blocks a username guessed at from many addresses after 20 failures in all', () => {
    for (let i = 0; i < 19; i++) limiter.failed('leader', `203.0.113.${i}`);
    expect(limiter.blocked('leader', '198.51.100.2')).toBeUndefined();
    limiter.failed('leader', '203.0.113.99');
    expect(limiter.blocked('leader', '198.51.100.2')).toEqual({
      by: 'account',
      retryAfterMs: 30_000,
    });
  });

  it('blocks an address spraying many usernames after 30 failures, for every username', () => {
    for (let i = 0; i < 29; i++) limiter.failed(`user-${i}`, '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')).toBeUndefined();
    limiter.failed('user-29', '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')).toEqual({
      by: 'address',
      retryAfterMs: 30_000,
    });
    expect(limiter.blocked('leader', '198.51.100.2')).toBeUndefined();
  });

  it('forgives the account on a correct password, but not the address', () => {
    failTimes(4, 'leader', '203.0.113.7');
    for (let i = 0; i < 25; i++) limiter.failed(`user-${i}`, '203.0.113.7');
    limiter.succeeded('leader', '203.0.113.7');
    limiter.failed('leader', '203.0.113.7');
    // The account starts again (1 failure of 5); the address is at 30 and blocked.
    expect(limiter.blocked('leader', '198.51.100.2')).toBeUndefined();
    expect(limiter.blocked('chief-689', '203.0.113.7')?.by).toBe('address');
  });

  it('counts a username whatever its case', () => {
    failTimes(3, 'Leader', '203.0.113.7');
    failTimes(2, 'LEADER', '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')?.by).toBe('account');
  });

  it('forgets failures an hour after the last one', () => {
    failTimes(4, 'leader', '203.0.113.7');
    now += 60 * 60_000;
    limiter.failed('leader', '203.0.113.7');
    expect(limiter.blocked('leader', '203.0.113.7')).toBeUndefined();
  });

  it('keeps at most maxKeys keys, dropping those of the oldest failures', () => {
    const small = new LoginLimiter({ ...LOGIN_LIMITS, maxKeys: 6 }, () => now);
    for (let i = 0; i < 5; i++) small.failed('leader', '203.0.113.7');
    // Two more usernames from other addresses: six new keys push the oldest three out.
    small.failed('a', '198.51.100.1');
    small.failed('b', '198.51.100.2');
    expect(small.blocked('leader', '203.0.113.7')).toBeUndefined();
  });
});
