import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ObservabilityService } from './observability.service';

/**
 * The label of a request: the pattern of the route that answered it (`/api/v1/admin/keys/:id`), so
 * one series stands for every key. The API's routes have no wildcard; the only one is the
 * dashboard's fallback (`{*any}`, index.html for the screens' paths), which also sees the API
 * paths no route matched on their way to the 404. So: an API path without a route of its own is
 * `unmatched`, everything else the dashboard serves is `dashboard`. Never the raw URL, which a
 * client chooses and would make a series per URL.
 */
export function routeLabel(request: Request): string {
  const route = request.route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string' && !route.path.includes('*'))
    return `${request.baseUrl}${route.path}`;
  return request.path === '/api' || request.path.startsWith('/api/') ? 'unmatched' : 'dashboard';
}

/** Express middleware, first in line: times every request to its last byte, static files too. */
export function httpMetrics(observability: ObservabilityService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.once('finish', () =>
      observability.recordHttpRequest({
        method: request.method,
        route: routeLabel(request),
        status: response.statusCode,
        seconds: (performance.now() - started) / 1000,
      }),
    );
    next();
  };
}
