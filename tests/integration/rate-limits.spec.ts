import request from 'supertest';
import { messageOf, TestApp, withTestApp } from '../support/test-app';

/**
 * Rate limits (issue 11) through HTTP. Every request of a test comes from 127.0.0.1, as every
 * request behind the docker-compose nginx comes from nginx: with TRUST_PROXY the test plays the
 * proxy and says who the client is in X-Forwarded-For; without it, whatever X-Forwarded-For
 * says is ignored.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const ATTACKER = '203.0.113.7';
const OFFICE = '198.51.100.24';

function login(t: TestApp, username: string, password: string, forwardedFor?: string) {
  const call = t.http.post('/api/v1/auth/login');
  if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
  return call.send({ username, password });
}

/** Fails `times` logins as `username`, checking each is a plain 401. */
async function guess(t: TestApp, username: string, times: number, forwardedFor?: string) {
  for (let attempt = 1; attempt <= times; attempt++) {
    const response = await login(t, username, `guess-${attempt}`, forwardedFor);
    expect([attempt, response.status]).toEqual([attempt, 401]);
  }
}

function expectBlocked(
  response: request.Response,
  whose: 'for this account' | 'from this address',
) {
  expect(response.status).toBe(429);
  expect(messageOf(response)).toBe(`Too many failed logins ${whose}; try again in 30 s`);
  expect(response.headers['retry-after']).toBe('30');
}

describe('login limits behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  const behindProxy = (work: (t: TestApp) => Promise<void>) =>
    withTestApp({ now: NOW, env: { TRUST_PROXY: 'loopback' } }, work);

  it('blocks the account an attacker guesses at from their address, not the other users behind the proxy', async () => {
    await behindProxy(async (t) => {
      await guess(t, 'leader', 5, ATTACKER);
      // The sixth attempt is refused unchecked, even with the right password.
      expectBlocked(await login(t, 'leader', 'demo', ATTACKER), 'for this account');
      // Through the same proxy: another user logs in from the attacker's own address…
      expect((await login(t, 'chief-689', 'demo', ATTACKER)).status).toBe(200);
      // …and the leader from their office.
      expect((await login(t, 'leader', 'demo', OFFICE)).status).toBe(200);
    });
  }, 60_000);

  it('blocks an address that sprays many usernames, and only that address', async () => {
    await behindProxy(async (t) => {
      for (let user = 1; user <= 30; user++) await guess(t, `user-${user}`, 1, ATTACKER);
      expectBlocked(await login(t, 'chief-689', 'demo', ATTACKER), 'from this address');
      expect((await login(t, 'chief-689', 'demo', OFFICE)).status).toBe(200);
      // nginx appends the address it saw: what the client wrote before it is not believed.
      expectBlocked(
        await login(t, 'chief-688', 'demo', `${OFFICE}, ${ATTACKER}`),
        'from this address',
      );
    });
  }, 60_000);
});

describe('login limits without TRUST_PROXY', () => {
  it('ignores a spoofed X-Forwarded-For: the address is the one that connected', async () => {
    await withTestApp({ now: NOW, env: {} }, async (t) => {
      // Each guess claims another address; all of them come from 127.0.0.1.
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await login(t, 'leader', `guess-${attempt}`, `203.0.113.${attempt}`);
        expect(response.status).toBe(401);
      }
      expectBlocked(await login(t, 'leader', 'demo', '192.0.2.200'), 'for this account');
      expectBlocked(await login(t, 'leader', 'demo'), 'for this account');
      expect((await login(t, 'chief-689', 'demo', '192.0.2.200')).status).toBe(200);
    });
  }, 60_000);
});

describe('ingest limit per key (INGEST_RATE_LIMIT)', () => {
  it('answers 429 with Retry-After beyond the limit for that key only', async () => {
    await withTestApp({ now: NOW, env: { INGEST_RATE_LIMIT: '3' } }, async (t) => {
      const admin = await t.login('admin');
      const issued = await t.http
        .post('/api/v1/admin/keys')
        .set('Authorization', `Bearer ${admin}`)
        .send({ kind: 'ingest', name: 'Cổng dịch vụ công' });
      const otherKey = (issued.body as { key: string }).key;

      const burst = await Promise.all(
        Array.from({ length: 5 }, () => t.ingest([], { key: 'demo-ingest-key', wait: false })),
      );
      const statuses = burst.map((response) => response.status).sort();
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      const refused = burst.find((response) => response.status === 429)!;
      expect(messageOf(refused)).toBe(
        'Too many requests with this ingest key: at most 3 a second; retry in 1 s',
      );
      expect(refused.headers['retry-after']).toBe('1');
      // Another source system is not slowed down by this one.
      expect((await t.ingest([], { key: otherKey, wait: false })).status).toBe(202);
      // A wrong key is refused as before, not counted against anyone.
      expect((await t.ingest([], { key: 'not-a-key', wait: false })).status).toBe(401);
    });
  });
});
