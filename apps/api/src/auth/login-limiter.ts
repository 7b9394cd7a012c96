/** How many failed logins a key may have before it is blocked, and its blocks. */
export interface LoginLimits {
  /** Failures allowed for one username from one client address. */
  perAccountAndAddress: number;
  /** Failures allowed for one username from all addresses together (a distributed guess). */
  perAccount: number;
  /** Failures allowed from one client address over all usernames (spraying one password). */
  perAddress: number;
  /** The first block; each further failure doubles it, up to `longestBlockMs`. */
  firstBlockMs: number;
  longestBlockMs: number;
  /** A key without a failure for this long starts again from nothing. */
  forgetAfterMs: number;
  /** Keys kept at most; the oldest are dropped beyond it, so guessing names cannot fill memory. */
  maxKeys: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  perAccountAndAddress: 5,
  perAccount: 20,
  perAddress: 30,
  firstBlockMs: 30_000,
  longestBlockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 100_000,
};

/** Why a login is refused before its password is even checked. */
export interface LoginBlock {
  /** Whose failures blocked it. */
  by: 'account' | 'address';
  retryAfterMs: number;
}

interface Failures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

/**
 * Failed logins with backoff (SPEC §6): a username from one address is blocked after a few
 * failures, for 30 s, then twice as long after each further one (up to 15 min); the same for a
 * username from all addresses and for an address over all usernames, with more room. Behind a
 * proxy the address is the client's (TRUST_PROXY), so an attacker blocks their own address and
 * the accounts they guess at, not the office behind the same proxy; a correct password resets
 * the account's count. Kept in memory per instance: each instance of a cluster counts its own.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    /** Real elapsed time, not the business clock: a backoff is measured in seconds that pass. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The block in force for this username from this address, if any. */
  blocked(username: string, address: string): LoginBlock | undefined {
    const now = this.now();
    let longest: LoginBlock | undefined;
    for (const [key, by] of this.keysOf(username, address)) {
      const entry = this.current(key, now);
      const retryAfterMs = entry ? entry.blockedUntil - now : 0;
      if (retryAfterMs > 0 && (!longest || retryAfterMs > longest.retryAfterMs))
        longest = { by, retryAfterMs };
    }
    return longest;
  }

  failed(username: string, address: string): void {
    const now = this.now();
    const allowed = {
      pair: this.limits.perAccountAndAddress,
      account: this.limits.perAccount,
      address: this.limits.perAddress,
    };
    for (const [key, , kind] of this.keysOf(username, address)) {
      const entry = this.current(key, now) ?? { count: 0, lastAt: now, blockedUntil: 0 };
      entry.count++;
      entry.lastAt = now;
      const beyond = entry.count - allowed[kind];
      if (beyond >= 0) {
        const blockMs = Math.min(
          this.limits.longestBlockMs,
          this.limits.firstBlockMs * 2 ** Math.min(beyond, 30),
        );
        entry.blockedUntil = now + blockMs;
      }
      // Re-inserted, so the map's order is the order of last failure: the oldest go first.
      this.failures.delete(key);
      this.failures.set(key, entry);
    }
    this.dropOldest();
  }

  /** A correct password: the account's failures are forgiven; the address's are not. */
  succeeded(username: string, address: string): void {
    for (const [key, , kind] of this.keysOf(username, address))
      if (kind !== 'address') this.failures.delete(key);
  }

  private keysOf(
    username: string,
    address: string,
  ): [key: string, by: LoginBlock['by'], kind: 'pair' | 'account' | 'address'][] {
    const account = username.toLowerCase();
    return [
      [`pair\u0000${account}\u0000${address}`, 'account', 'pair'],
      [`account\u0000${account}`, 'account', 'account'],
      [`address\u0000${address}`, 'address', 'address'],
    ];
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (!entry) return undefined;
    if (now - entry.lastAt >= this.limits.forgetAfterMs && now >= entry.blockedUntil) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private dropOldest(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.limits.maxKeys) return;
      this.failures.delete(key);
    }
  }
}
