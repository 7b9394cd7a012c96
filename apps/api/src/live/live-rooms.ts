import { WINDOWS, WindowName } from '@ioc/domain';

/**
 * One room per (scope, window, what the viewer may see): a district chief sees only the ranking
 * rows of their own unit, so chiefs and leaders watching the same scope get different payloads.
 */
export interface RoomKey {
  scope: string;
  window: WindowName;
  /** `all`, or the unit a district chief is confined to. */
  visibility: string;
}

export function roomName({ scope, window, visibility }: RoomKey): string {
  return `live:${scope}:${window}:${visibility}`;
}

/** The key of a room named by {@link roomName}; undefined for any other room (a socket's own). */
export function parseRoomName(name: string): RoomKey | undefined {
  const [prefix, scope, window, visibility, ...rest] = name.split(':');
  if (prefix !== 'live' || rest.length || !WINDOWS.includes(window as WindowName)) return undefined;
  return { scope, window: window as WindowName, visibility };
}
