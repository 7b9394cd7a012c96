import { WINDOWS, WindowName } from '@ioc/domain';

/**
 * One room per (scope, window, what the viewer may see): a district chief sees only the ranking
 * rows of their own unit, so chiefs and leaders watching the same scope get different payloads.
 */
export interface RoomKey {
  /** The unit watched, or the unit of the agency watched. */
  scope: string;
  /** One agency's figures instead of the unit's (an agency head's, or anybody's who asked). */
  agency: string | null;
  window: WindowName;
  /** `all`, the unit a district chief is confined to, or `agency:<code>` for an agency head. */
  visibility: string;
}

// Codes and visibilities may hold ':' (`agency:<code>`), so the key is written as JSON.
const PREFIX = 'live:';

export function roomName({ scope, agency, window, visibility }: RoomKey): string {
  return PREFIX + JSON.stringify([scope, window, visibility, agency]);
}

/** The key of a room named by {@link roomName}; undefined for any other room (a socket's own). */
export function parseRoomName(name: string): RoomKey | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(name.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 4) return undefined;
  const [scope, window, visibility, agency] = parts as unknown[];
  if (typeof scope !== 'string' || typeof visibility !== 'string') return undefined;
  if (!WINDOWS.includes(window as WindowName)) return undefined;
  if (agency !== null && typeof agency !== 'string') return undefined;
  return { scope, window: window as WindowName, visibility, agency };
}
