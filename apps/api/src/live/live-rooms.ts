import type { WindowName } from '@ioc/domain';

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

export function roomName({ scope, agency, window, visibility }: RoomKey): string {
  const unitRoom = `live:${scope}:${window}:${visibility}`;
  return agency === null ? unitRoom : `${unitRoom}:agency:${agency}`;
}
