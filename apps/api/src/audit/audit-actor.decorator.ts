import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import type { AuditActor } from './audit-entry';

/** The caller of an administration route, as the audit log names them. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuditActor => {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    // request.ip honours X-Forwarded-For only from the proxies TRUST_PROXY names.
    return { name: request.principal?.name ?? 'anonymous', address: request.ip ?? null };
  },
);
