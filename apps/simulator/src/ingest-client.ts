import type { IngestEvent, IngestResult } from '@ioc/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorLogger } from './simulator-logger';

/** Where the simulated events go: the ingest API, or a test's collector. */
export interface EventSink {
  /** Resolves once the events are stored; rejects only on a fault that retrying cannot mend. */
  send(events: readonly IngestEvent[]): Promise<IngestResult>;
}

/** A fault that retrying cannot mend: a wrong key, a body the API refuses. */
export class FatalIngestError extends Error {}

export interface IngestClientOptions {
  apiUrl: string;
  apiKey: string;
  logger: SimulatorLogger;
  signal?: AbortSignal;
  /** Waits before the first retry, doubling up to `maxRetryDelayMs`. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  requestTimeoutMs?: number;
}

// Statuses that say "not now": the API is starting, overloaded or briefly down.
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const REJECTIONS_QUOTED = 3;

/**
 * Posts batches to `POST /api/v1/events` with the source system's key. Network errors and
 * "not now" answers are retried with back-off for as long as it takes (an event is never
 * dropped); re-posting after a lost answer is harmless, the API counts repeats as duplicates.
 */
export class IngestClient implements EventSink {
  private readonly url: string;

  constructor(private readonly options: IngestClientOptions) {
    this.url = `${options.apiUrl.replace(/\/+$/, '')}/api/v1/events`;
  }

  async send(events: readonly IngestEvent[]): Promise<IngestResult> {
    const { logger, signal, firstRetryDelayMs = 500, maxRetryDelayMs = 30_000 } = this.options;
    const body = JSON.stringify({ events });
    for (let delay = firstRetryDelayMs; ; delay = Math.min(delay * 2, maxRetryDelayMs)) {
      signal?.throwIfAborted();
      const outcome = await this.post(body);
      if ('result' in outcome) {
        this.reportRejections(outcome.result, events.length);
        return outcome.result;
      }
      logger.warn(`batch not stored (${outcome.retryReason}); retrying in ${formatDelay(delay)}`);
      await sleep(delay, undefined, { signal });
    }
  }

  private async post(body: string): Promise<{ result: IngestResult } | { retryReason: string }> {
    const { apiKey, signal, requestTimeoutMs = 120_000 } = this.options;
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      signal?.throwIfAborted();
      return { retryReason: describeNetworkError(error) };
    }
    if (response.status === 202) return { result: (await response.json()) as IngestResult };
    const answer = (await response.text().catch(() => '')).slice(0, 300);
    if (RETRYABLE_STATUSES.has(response.status)) {
      return { retryReason: `HTTP ${response.status}` };
    }
    if (response.status === 401 || response.status === 403) {
      throw new FatalIngestError(
        `The API at ${this.url} refused the ingest key (HTTP ${response.status}): check --key`,
      );
    }
    throw new FatalIngestError(
      `The API at ${this.url} refused a batch: HTTP ${response.status} ${answer}`,
    );
  }

  /**
   * Rejected events cannot be fixed by sending them again: say why, loudly, and go on; but when a
   * whole batch is refused the API holds another directory, and going on would be pointless.
   */
  private reportRejections({ rejected }: IngestResult, sent: number): void {
    if (rejected.length === 0) return;
    const examples = rejected
      .slice(0, REJECTIONS_QUOTED)
      .map((r) => `${r.eventId ?? `#${r.index}`}: ${r.errors.join('; ')}`)
      .join(' | ');
    if (rejected.length === sent) {
      throw new FatalIngestError(
        `The API rejected every event of a batch (is its demo directory loaded, DEMO=on?), e.g. ${examples}`,
      );
    }
    this.options.logger.error(
      `the API rejected ${rejected.length} simulated events, e.g. ${examples}`,
    );
  }
}

function describeNetworkError(error: unknown): string {
  // fetch wraps the socket's error (ECONNREFUSED, ECONNRESET …) as its cause.
  const { name, message, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? message ?? String(error);
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
