import type { AuditAction } from '@ioc/domain';

export { AUDIT_ACTIONS, type AuditAction } from '@ioc/domain';

/** Who acted, and from where: a user and their client's address, or a command on the server. */
export interface AuditActor {
  name: string;
  /** The client's address (behind a proxy named in TRUST_PROXY, the original client's). */
  address: string | null;
}

/** What was done: never a secret (no password, no key), only what identifies and describes it. */
export interface AuditAct {
  action: AuditAction;
  /** What it was done to: a username, a key's id, a date, a directory section… */
  target?: string | null;
  details?: object;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
}

export interface AuditFilter {
  action?: AuditAction;
  actor?: string;
  /** ISO instants, `from` included, `to` excluded. */
  from?: string;
  to?: string;
}
