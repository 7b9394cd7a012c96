import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'leader', 'district_chief', 'wall'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a logged-in user or a wall display's kiosk token. */
export interface Principal {
  name: string;
  role: Role;
  /** A district chief's unit: they see it and everything below it, nothing else. */
  unitCode: string | null;
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
