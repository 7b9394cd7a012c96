/** Every act the audit log records, by name (the API records them, the admin screen filters). */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.update',
  'ingest_key.issue',
  'ingest_key.revoke',
  'wall_token.issue',
  'wall_token.revoke',
  'calendar.override_set',
  'calendar.override_remove',
  'calendar.swap',
  'directory.import',
  'projection.rebuild',
  'briefing.regenerate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Answers of the administration API (`/admin`, `/calendar`, `/directory/import`) for the admin screen. */

export type AdminRole = 'admin' | 'leader' | 'district_chief' | 'agency_head' | 'wall';

/** An account as listed: never a password or its hash. */
export interface AdminUser {
  username: string;
  role: AdminRole;
  unitCode: string | null;
  /** An agency head's agency, where the API knows the role. */
  agencyCode?: string | null;
  disabled: boolean;
}

/** An ingest key or a wall token as listed: never the key, only what names it. */
export interface AccessKeyRow {
  id: number;
  kind: 'ingest' | 'wall';
  name: string;
  /** The unit a wall token is bound to, or null. */
  scopeCode: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** The answer of issuing a key: the key itself, shown this once. */
export interface IssuedKey {
  id: number;
  key: string;
  scopeCode: string | null;
}

/** One day of the working calendar and why it is off or on. */
export interface CalendarDayRow {
  date: string;
  working: boolean;
  /** `operator`, an announced day's name, `public holiday`, `weekend` or `weekday`. */
  reason: string;
  /** An operator's note, or a public holiday's name. */
  note?: string;
}

export interface CalendarOverrideRow {
  date: string;
  working: boolean;
  note: string | null;
}

export type DirectorySectionName = 'units' | 'agencies' | 'procedures';

/**
 * What is wrong with an import, as a stable name the admin screen translates (with `field` and
 * `params`); `message` says the same in English for scripts and logs.
 */
export type ImportProblemReason =
  | 'notAnObject'
  | 'notAList'
  | 'required'
  | 'empty'
  | 'wrongType'
  | 'notInteger'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'notOneOf'
  | 'invalid'
  | 'duplicate'
  | 'provinceCount'
  | 'unknownParent'
  | 'onlyProvinceWithoutParent'
  | 'parentLoop'
  | 'unknownUnit'
  | 'unknownAgency';

export interface ImportProblemRow {
  section: DirectorySectionName;
  /** The CSV line, or the entry's position in the JSON array; null for the whole section. */
  row: number | null;
  /** The entry's code, when the row has one. */
  code: string | null;
  reason: ImportProblemReason;
  /** The column (JSON field) at fault, or null when the row or the file is. */
  field: string | null;
  /** What the reason's text needs: limits, the allowed values, the other row, the unknown code. */
  params: Record<string, string | number>;
  message: string;
}

export interface ImportSectionChanges {
  added: string[];
  changed: { code: string; fields: string[] }[];
  unchanged: number;
}

/** A directory import checked before anything is written. */
export interface DirectoryImportPreview {
  valid: boolean;
  rows: Record<DirectorySectionName, number>;
  problems: ImportProblemRow[];
  changes: Record<DirectorySectionName, ImportSectionChanges>;
}

export interface SetAsideDossierRow {
  dossierId: string;
  reason: string;
  eventIds: string[];
  setAsideAt: string;
}

export interface AuditEntryRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
}

export interface Paged<Row> {
  total: number;
  page: number;
  pageSize: number;
  rows: Row[];
}

/** Why an administrative act was refused, in a 400 or 409 body beside `message` and `params`. */
export type AdminErrorReason =
  'userExists' | 'ownAccount' | 'sameDay' | 'alreadyDayOff' | 'alreadyWorkingDay';

/** `GET /admin/password-policy`: what a new password must meet. */
export interface PasswordPolicyAnswer {
  minLength: number;
  maxLength: number;
  mayContainUsername: boolean;
}
