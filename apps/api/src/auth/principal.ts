import { USER_ROLES, type UserRole } from '@ioc/domain';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = USER_ROLES;
export type Role = UserRole;

/** Who is calling: a logged-in user or a wall display's kiosk token. */
export interface Principal {
  name: string;
  role: Role;
  /** A district chief's unit, or the scope a wall token is bound to: it and everything below. */
  unitCode: string | null;
  /** An agency head's agency: they see its figures and dossiers, nothing else. */
  agencyCode: string | null;
}

/** The unit a caller is confined to (a district chief, a wall token bound to a scope), if any. */
export function confinedUnit(principal: Principal): string | null {
  return principal.role === 'district_chief' || principal.role === 'wall'
    ? principal.unitCode
    : null;
}

export const IS_PUBLIC = 'isPublic';
export const ALLOWED_ROLES = 'allowedRoles';

/** No login needed (login itself, health, ingest with its own key). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
/** Every role that reads metrics. */
export const READERS: Role[] = ['admin', 'leader', 'district_chief', 'agency_head', 'wall'];

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
