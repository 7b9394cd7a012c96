import type {
  AccessKeyRow,
  AdminRole,
  AdminUser,
  AuditEntryRow,
  CalendarDayRow,
  CalendarOverrideRow,
  DirectoryImportPreview,
  DirectorySectionName,
  IssuedKey,
  Paged,
  PasswordPolicyAnswer,
  SetAsideDossierRow,
} from '@ioc/domain/browser';
import type { HttpClient } from './http';

export interface NewUser {
  username: string;
  password: string;
  role: AdminRole;
  unitCode?: string | null;
  agencyCode?: string | null;
}

export interface UserChange {
  disabled?: boolean;
  role?: AdminRole;
  unitCode?: string | null;
  agencyCode?: string | null;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** A directory file as the import takes it: JSON of every section, or one section's CSV. */
export type DirectoryFile =
  | { format: 'json'; body: unknown }
  | { format: 'csv'; section: DirectorySectionName; text: string };

const rows = <T>(answer: Promise<{ rows: T[] }>) => answer.then((body) => body.rows);
const userPath = (username: string) => `/admin/users/${encodeURIComponent(username)}`;

/** Typed calls of the administration API, for the admin screen. */
export function createAdminApi(http: HttpClient) {
  function importCall<T>(file: DirectoryFile, preview: boolean): Promise<T> {
    const suffix = preview ? '/preview' : '';
    return file.format === 'json'
      ? http.request<T>('POST', `/directory/import${suffix}`, file.body)
      : http.request<T>(
          'POST',
          `/directory/import/${file.section}${suffix}`,
          file.text,
          'text/csv; charset=utf-8',
        );
  }
  return {
    passwordPolicy: () => http.get<PasswordPolicyAnswer>('/admin/password-policy'),
    users: () => rows(http.get<{ rows: AdminUser[] }>('/admin/users')),
    createUser: (user: NewUser) => http.post<{ username: string }>('/admin/users', user),
    updateUser: (username: string, change: UserChange) =>
      http.request<AdminUser>('PATCH', userPath(username), change),
    keys: () => rows(http.get<{ rows: AccessKeyRow[] }>('/admin/keys')),
    issueKey: (kind: AccessKeyRow['kind'], name: string, scope: string | null) =>
      http.post<IssuedKey>('/admin/keys', { kind, name, scope }),
    revokeKey: (id: number) => http.request<{ id: number }>('DELETE', `/admin/keys/${id}`),
    calendarDays: (from: string, to: string) =>
      rows(http.get<{ rows: CalendarDayRow[] }>('/calendar/days', { from, to })),
    overrides: () => rows(http.get<{ rows: CalendarOverrideRow[] }>('/calendar/overrides')),
    setOverride: (date: string, working: boolean, note: string) =>
      http.request('PUT', `/calendar/overrides/${date}`, { working, note: note || undefined }),
    removeOverride: (date: string) => http.request('DELETE', `/calendar/overrides/${date}`),
    swapDays: (dayOff: string, workingDay: string, note: string) =>
      http.post('/calendar/swap', { dayOff, workingDay, note: note || undefined }),
    previewImport: (file: DirectoryFile) => importCall<DirectoryImportPreview>(file, true),
    runImport: (file: DirectoryFile) =>
      importCall<Record<DirectorySectionName, number>>(file, false),
    audit: (query: AuditQuery) => http.get<Paged<AuditEntryRow>>('/admin/audit', { ...query }),
    setAside: (page: number, pageSize: number) =>
      http.get<Paged<SetAsideDossierRow>>('/admin/set-aside', { page, pageSize }),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
