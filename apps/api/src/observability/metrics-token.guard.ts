import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` is open by default: operators scrape each instance on their private network,
 * and nginx does not pass it on. With `METRICS_TOKEN` set, the scraper must send it as a bearer
 * token (Prometheus: `authorization: { credentials: … }`).
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.metricsToken;
    if (!expected) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (scheme !== 'Bearer' || !token || !timingSafeEqual(digest(token), digest(expected))) {
      throw new UnauthorizedException('GET /metrics needs the METRICS_TOKEN as a bearer token');
    }
    return true;
  }
}
