import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

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

/**
 * A body that is not JSON, or too large, is the sender's mistake: a clear 400 / 413 and a
 * warning, not a server error with a stack trace.
 */
@Catch()
export class BodyParserErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger(BodyParserErrorFilter.name);

  override catch(error: unknown, host: ArgumentsHost): void {
    if (!isBodyParserError(error)) return super.catch(error, host);
    const response = host.switchToHttp().getResponse<Response>();
    const message =
      error.type === 'entity.too.large'
        ? `request entity too large: the body is over ${error.limit ?? 'the'} bytes (BODY_LIMIT)`
        : error.type === 'entity.parse.failed'
          ? `Body is not valid JSON: ${error.message}`
          : error.message;
    this.logger.warn(`${error.status} ${message}`);
    response.status(error.status).json({ statusCode: error.status, message });
  }
}
