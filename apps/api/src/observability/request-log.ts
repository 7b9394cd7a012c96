import { logDestination, logOptions } from '@ioc/logging';
import type { Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { routeLabel } from './http-metrics';

/** Probes and scrapes come every few seconds and say nothing about users: debug, not info. */
const PROBES = /^\/(metrics|api\/v1\/health(\/.*)?)$/;

/**
 * One line per request, once it is answered: what was asked, what answered, how, how fast. The
 * route's pattern when one answered, else the path asked for (never the query: a kiosk link's
 * token may be in it).
 */
export function requestLine(request: Request, response: Response, milliseconds: number): string {
  const route = routeLabel(request);
  const what = route === 'unmatched' || route === 'dashboard' ? request.path : route;
  return `${request.method} ${what} ${response.statusCode} ${milliseconds} ms`;
}

/**
 * nestjs-pino's options: the API's lines in the format shared with the simulator (@ioc/logging),
 * and each HTTP request logged once, when answered, with its method, route, status and time.
 */
export function requestLogParams(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        ...logOptions(config.logLevel),
        customLogLevel: (request, response, error) =>
          error || response.statusCode >= 500
            ? 'error'
            : response.statusCode >= 400
              ? 'warn'
              : PROBES.test(request.url?.split('?')[0] ?? '')
                ? 'debug'
                : 'info',
        customSuccessMessage: (request, response, milliseconds) =>
          requestLine(request as Request, response as Response, milliseconds),
        // pino-http passes the time as a fourth argument its types leave out.
        customErrorMessage: (request, response, _error, milliseconds?: number) =>
          requestLine(request as Request, response as Response, milliseconds ?? NaN),
        customSuccessObject: (request, _response, fields: object) => ({
          ...fields,
          route: routeLabel(request as Request),
        }),
        customErrorObject: (request, _response, _error, fields: object) => ({
          ...fields,
          route: routeLabel(request as Request),
        }),
        serializers: {
          // The path only: a kiosk link carries its wall token in the query (`/wall?token=…`).
          req: (request: { id: unknown; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            path: request.url.split('?')[0],
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
      logDestination(config.logFormat),
    ],
  };
}
