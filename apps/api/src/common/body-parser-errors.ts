import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';

/** What the body parser throws: a client's mistake, with the status to answer. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  'type' in error &&
  'status' in error &&
  'expose' in error;

const logger = new Logger('BodyParser');

/**
 * Express error middleware, placed right after the body parsers: a body that is not JSON, or is
 * too large, is answered here with a clear 400 / 413 on every endpoint. Left to travel on, the
 * error would reach the dashboard's static-file handler, which answers 404 for API paths.
 */
export function answerBodyParserErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error)) return next(error);
  const message =
    error.type === 'entity.too.large'
      ? `request entity too large: the body is over ${error.limit ?? 'the'} bytes (BODY_LIMIT)`
      : error.type === 'entity.parse.failed'
        ? `Body is not valid JSON (an object or an array is expected): ${error.message}`
        : error.message;
  logger.warn(`${error.status} ${message}`);
  response.status(error.status).json({ statusCode: error.status, message });
}
