import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { createAdminApi } from '@/api/admin-api';
import { createHttpClient } from '@/api/http';
import { createReadApi, type LoginResult } from '@/api/read-api';
import { createWorkspaceApi } from '@/api/workspace-api';

const STORAGE_KEY = 'ioc.session';

export type Role = LoginResult['role'];

interface StoredSession {
  token: string;
  role: Role;
  unitCode: string | null;
  agencyCode?: string | null;
  username?: string;
}

function load(): StoredSession | null {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as StoredSession) : null;
  } catch {
    return null;
  }
}

/**
 * Who is looking: a leader's login token, or a wall display's kiosk token (`wall_…`) handed in
 * the URL once and kept, so an unattended screen comes back by itself after a reboot.
 */
export const useSessionStore = defineStore('session', () => {
  const stored = load();
  const token = ref<string | null>(stored?.token ?? null);
  const role = ref<Role | null>(stored?.role ?? null);
  const unitCode = ref<string | null>(stored?.unitCode ?? null);
  const agencyCode = ref<string | null>(stored?.agencyCode ?? null);
  const username = ref<string | null>(stored?.username ?? null);
  const expired = ref(false);

  const http = createHttpClient(() => token.value);
  const api = createReadApi(http);
  const workspaceApi = createWorkspaceApi(http);
  const adminApi = createAdminApi(http);
  const signedIn = computed(() => token.value !== null);

  function save(session: StoredSession | null): void {
    token.value = session?.token ?? null;
    role.value = session?.role ?? null;
    unitCode.value = session?.unitCode ?? null;
    agencyCode.value = session?.agencyCode ?? null;
    username.value = session?.username ?? null;
    if (session) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  }

  async function login(name: string, password: string): Promise<void> {
    const result = await api.login(name, password);
    expired.value = false;
    save({
      token: result.accessToken,
      role: result.role,
      unitCode: result.unitCode,
      agencyCode: result.agencyCode ?? null,
      username: name,
    });
  }

  /** A wall token from the URL; the API checks it on the first call. */
  function adoptWallToken(wallToken: string): void {
    expired.value = false;
    save({ token: wallToken, role: 'wall', unitCode: null });
  }

  /** The API answered 401: the token expired or was revoked. */
  function invalidate(): void {
    expired.value = true;
    save(null);
  }

  function logout(): void {
    expired.value = false;
    save(null);
  }

  return {
    token,
    role,
    unitCode,
    agencyCode,
    username,
    signedIn,
    expired,
    api,
    workspaceApi,
    adminApi,
    login,
    adoptWallToken,
    invalidate,
    logout,
  };
});
