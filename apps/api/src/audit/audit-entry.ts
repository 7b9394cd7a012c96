/** Every act the audit log records, by name. */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.update',
  'ingest_key.issue',
  'ingest_key.revoke',
  'wall_token.issue',
  'wall_token.revoke',
  'calendar.override_set',
  'calendar.override_remove',
  'directory.import',
  'projection.rebuild',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
