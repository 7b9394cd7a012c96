import type { AdminErrorReason } from '@ioc/domain';
import { HttpException, HttpStatus } from '@nestjs/common';

const ERROR_NAMES = { [HttpStatus.BAD_REQUEST]: 'Bad Request', [HttpStatus.CONFLICT]: 'Conflict' };

/**
 * A refusal the admin screen shows in its own language: Nest's usual body (`statusCode`, `error`,
 * an English `message` for scripts) plus a stable `reason` and the `params` its text needs.
 */
export function explainedError(
  status: HttpStatus.BAD_REQUEST | HttpStatus.CONFLICT,
  reason: AdminErrorReason,
  message: string,
  params: Record<string, string> = {},
): HttpException {
  return new HttpException(
    { statusCode: status, error: ERROR_NAMES[status], message, reason, params },
    status,
  );
}
