import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'leader', 'district_chief', 'wall'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a logged-in user or a wall display's kiosk token. */
export interface Principal {
  name: string;
  role: Role;
  /** A district chief's unit, or the scope a wall token is bound to: it and everything below. */
  unitCode: string | null;
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
export const READERS: Role[] = ['admin', 'leader', 'district_chief', 'wall'];

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
