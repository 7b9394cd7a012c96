import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { UnitRow } from '@/api/read-api';
import type { AgencyRow, ProcedureRow } from '@/api/workspace-api';
import { useSessionStore } from './session';

/**
 * The units, agencies and procedures the caller may see (GET /directory/*), fetched once per
 * session: names for codes, a unit's level and parent, the search box's entries.
 */
export const useDirectoryStore = defineStore('directory', () => {
  const units = shallowRef(new Map<string, UnitRow>());
  const agencies = shallowRef(new Map<string, AgencyRow>());
  const procedures = shallowRef(new Map<string, ProcedureRow>());
  let loading: Promise<void> | null = null;
  let loadedFor: string | null = null;

  const byCode = <Row extends { code: string }>(rows: Row[]) =>
    new Map(rows.map((row) => [row.code, row]));

  /** Loads once per token; a failed load is tried again on the next call. */
  function load(): Promise<void> {
    const session = useSessionStore();
    if (loading && loadedFor === session.token) return loading;
    loadedFor = session.token;
    loading = Promise.all([
      session.api.units(),
      session.workspaceApi.agencies(),
      session.workspaceApi.procedures(),
    ]).then(
      ([unitRows, agencyRows, procedureRows]) => {
        units.value = byCode(unitRows.rows);
        agencies.value = byCode(agencyRows.rows);
        procedures.value = byCode(procedureRows.rows);
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  /** Loads again (after a directory import). */
  function reload(): Promise<void> {
    loading = null;
    return load();
  }

  const childrenOf = (code: string) =>
    [...units.value.values()].filter((unit) => unit.parentCode === code);

  const unitName = (code: string) => units.value.get(code)?.name ?? code;
  const agencyName = (code: string) => agencies.value.get(code)?.name ?? code;
  const procedureName = (code: string) => procedures.value.get(code)?.name ?? code;
  const province = computed(
    () => [...units.value.values()].find((unit) => unit.level === 'province') ?? null,
  );

  return {
    units,
    agencies,
    procedures,
    province,
    load,
    reload,
    childrenOf,
    unitName,
    agencyName,
    procedureName,
  };
});
