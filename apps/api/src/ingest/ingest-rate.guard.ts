import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/**
 * Each ingest key's requests, at most INGEST_RATE_LIMIT a second (then 429 with Retry-After):
 * a source posting in a loop slows itself down, not the others. Runs after IngestKeyGuard, so it
 * counts per key that authenticated, whatever the address it comes from.
 */
@Injectable()
export class IngestRateGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(`ingest-key:${String(request.apiKeyId)}`);
  }

  protected override getErrorMessage(
    _context: ExecutionContext,
    { limit, timeToBlockExpire }: ThrottlerLimitDetail,
  ): Promise<string> {
    return Promise.resolve(
      `Too many requests with this ingest key: at most ${limit} a second; retry in ${timeToBlockExpire} s`,
    );
  }
}
