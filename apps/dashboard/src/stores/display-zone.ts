import { isTimeZone, type ClientConfig } from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { ref } from 'vue';

const STORAGE_KEY = 'ioc.zone';

function stored(): string | null {
  const zone = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  return zone !== null && isTimeZone(zone) ? zone : null;
}

/**
 * The server's display zone (TZ_DISPLAY, from GET /client-config): every day and time on screen
 * is in it, whatever zone the machine showing them is set to. Kept across reloads, so a wall
 * that restarts while the API is away still shows the right day; null until first known.
 */
export const useDisplayZoneStore = defineStore('displayZone', () => {
  const zone = ref<string | null>(stored());

  function adopt(config: ClientConfig): void {
    zone.value = config.zone;
    globalThis.localStorage?.setItem(STORAGE_KEY, config.zone);
  }

  return { zone, adopt };
});
