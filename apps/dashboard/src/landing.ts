import type { Role } from '@/stores/session';

export interface SignedInAs {
  role: Role | null;
  unitCode: string | null;
  agencyCode: string | null;
}

/** Where each role starts after signing in (SPEC §8). */
export function landingPath({ role, unitCode, agencyCode }: SignedInAs): string {
  switch (role) {
    case 'district_chief':
      return unitCode ? `/units/${encodeURIComponent(unitCode)}` : '/no-access';
    case 'agency_head':
      return agencyCode ? `/agencies/${encodeURIComponent(agencyCode)}` : '/no-access';
    case 'admin':
      return '/admin';
    case 'leader':
    case 'wall':
      return '/wall';
    default:
      return '/login';
  }
}

/** Who may open the laptop workspace at all; the API still decides which unit or agency. */
export const WORKSPACE_ROLES: Role[] = ['admin', 'leader', 'district_chief', 'agency_head'];

/** A redirect asked for in the login URL, if it stays on this site. */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : null;
}
