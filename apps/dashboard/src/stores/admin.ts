import type {
  AccessKeyRow,
  AdminUser,
  AuditEntryRow,
  CalendarDayRow,
  DirectoryImportPreview,
  IssuedKey,
  Paged,
  SetAsideDossierRow,
} from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AuditQuery, DirectoryFile, NewUser, UserChange } from '@/api/admin-api';
import { useDirectoryStore } from './directory';
import { useSessionStore } from './session';

const emptyPage = <Row>(pageSize: number): Paged<Row> => ({
  total: 0,
  page: 1,
  pageSize,
  rows: [],
});

/**
 * What the admin screen shows and changes: accounts, keys and wall tokens, the working calendar of
 * a year, a directory import under review, the audit log and the dossiers set aside. Each list is
 * read again after an act changes it, so the screen shows what the server holds.
 */
export const useAdminStore = defineStore('admin', () => {
  const api = () => useSessionStore().adminApi;

  const users = shallowRef<AdminUser[]>([]);
  const keys = shallowRef<AccessKeyRow[]>([]);
  const calendarYear = ref(new Date().getFullYear());
  const calendarDays = shallowRef<CalendarDayRow[]>([]);
  const importPreview = shallowRef<DirectoryImportPreview | null>(null);
  const audit = shallowRef<Paged<AuditEntryRow>>(emptyPage(50));
  const setAside = shallowRef<Paged<SetAsideDossierRow>>(emptyPage(50));

  async function loadUsers(): Promise<void> {
    users.value = await api().users();
  }

  async function createUser(user: NewUser): Promise<void> {
    await api().createUser(user);
    await loadUsers();
  }

  async function updateUser(username: string, change: UserChange): Promise<void> {
    await api().updateUser(username, change);
    await loadUsers();
  }

  async function loadKeys(): Promise<void> {
    keys.value = await api().keys();
  }

  /** The new key, to be shown once: the list only ever names it. */
  async function issueKey(
    kind: AccessKeyRow['kind'],
    name: string,
    scope: string | null,
  ): Promise<IssuedKey> {
    const issued = await api().issueKey(kind, name, scope);
    await loadKeys();
    return issued;
  }

  async function revokeKey(id: number): Promise<void> {
    await api().revokeKey(id);
    await loadKeys();
  }

  async function loadCalendar(year = calendarYear.value): Promise<void> {
    const days = await api().calendarDays(`${year}-01-01`, `${year}-12-31`);
    calendarYear.value = year;
    calendarDays.value = days;
  }

  async function setOverride(date: string, working: boolean, note: string): Promise<void> {
    await api().setOverride(date, working, note);
    await loadCalendar();
  }

  async function removeOverride(date: string): Promise<void> {
    await api().removeOverride(date);
    await loadCalendar();
  }

  async function swapDays(dayOff: string, workingDay: string, note: string): Promise<void> {
    await api().swapDays(dayOff, workingDay, note);
    await loadCalendar();
  }

  async function previewImport(file: DirectoryFile): Promise<DirectoryImportPreview> {
    importPreview.value = null;
    const preview = await api().previewImport(file);
    importPreview.value = preview;
    return preview;
  }

  async function runImport(file: DirectoryFile): Promise<void> {
    await api().runImport(file);
    importPreview.value = null;
    await useDirectoryStore().reload();
  }

  function clearImport(): void {
    importPreview.value = null;
  }

  async function loadAudit(query: AuditQuery): Promise<void> {
    audit.value = await api().audit(query);
  }

  async function loadSetAside(page = 1): Promise<void> {
    setAside.value = await api().setAside(page, setAside.value.pageSize);
  }

  return {
    users,
    keys,
    calendarYear,
    calendarDays,
    importPreview,
    audit,
    setAside,
    loadUsers,
    createUser,
    updateUser,
    loadKeys,
    issueKey,
    revokeKey,
    loadCalendar,
    setOverride,
    removeOverride,
    swapDays,
    previewImport,
    runImport,
    clearImport,
    loadAudit,
    loadSetAside,
  };
});
