import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet, { contentSecurityPolicy } from 'helmet';
import type { AppConfig } from '../config/app-config';

type Directives = Record<string, string[]>;

/**
 * What the bundled dashboard loads, and nothing more: its own scripts, styles, fonts, map files,
 * the API and the live socket, all from this origin; no inline script or style, no eval, no
 * frames. (No `upgrade-insecure-requests`: a province's LAN may serve the wall over plain HTTP.)
 */
export const DASHBOARD_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** Swagger UI (`/api/docs`) ships inline styles; its scripts are files like the dashboard's. */
const DOCS_CSP: Directives = { ...DASHBOARD_CSP, 'style-src': ["'self'", "'unsafe-inline'"] };

/**
 * Security at the HTTP layer, before any route: which proxy to believe about the client's address
 * (`TRUST_PROXY`), security headers on every answer (helmet: a Content-Security-Policy,
 * `nosniff`, no `X-Powered-By`, no framing), and CORS only for the origins in `CORS_ORIGINS`.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  // Without TRUST_PROXY, X-Forwarded-For is ignored: the client is the address that connected.
  app.set('trust proxy', config.trustProxy ?? false);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: DASHBOARD_CSP },
      // TLS ends at the proxy in front, which sets HSTS for the names it serves.
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use('/api/docs', contentSecurityPolicy({ useDefaults: false, directives: DOCS_CSP }));
  // Without CORS_ORIGINS no CORS header is sent, so browsers keep other origins' pages out.
  if (config.corsOrigins.length) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Api-Key'],
      maxAge: 600,
    });
  }
}
