import type {
  ClientToServerEvents,
  LiveError,
  LiveSnapshot,
  ServerToClientEvents,
} from '@ioc/domain';
import { binhPhuocDirectory as directory } from '@ioc/domain/demo';
import { io, Socket } from 'socket.io-client';

/** What the topology tests and benchmark post and watch: receipts dated now, in the demo province. */

export const DEMO_INGEST_KEY = 'demo-ingest-key';

const communes = directory.units
  .filter((unit) => unit.level === 'commune')
  .map((unit) => unit.code);
const procedures = directory.procedures
  .filter((procedure) => procedure.agencyKind === 'commune_committee')
  .map((procedure) => procedure.code);

let sequence = 0;
const run = `${Date.now().toString(36)}-${process.pid}`;

/** `count` receipts dated now, each with an id never used before, spread over the communes. */
export function receipts(count: number): { eventId: string; dossierId: string }[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, () => {
    const n = sequence++;
    const unit = communes[n % communes.length];
    return {
      eventId: `topo-${run}-${n}`,
      type: 'dossier.received',
      occurredAt: at,
      dossierId: `topo-${run}-${n}`,
      procedureCode: procedures[n % procedures.length],
      agencyCode: `UBND-${unit}`,
      unitCode: unit,
      channel: n % 3 === 0 ? 'direct' : 'online',
      feeVnd: 0,
      componentsTotal: 2,
      componentsDigitized: 2,
    };
  });
}

/** The resolution, dated now, of each of these dossiers (received earlier). */
export function resolutions(dossierIds: readonly string[]): { eventId: string }[] {
  const at = new Date().toISOString();
  return dossierIds.map((dossierId) => ({
    eventId: `${dossierId}-resolved`,
    type: 'dossier.resolved',
    occurredAt: at,
    dossierId,
    outcome: 'approved',
    resultDigitized: true,
  }));
}

/** One POST /events; the event ids the API acknowledged (202), none otherwise. */
export async function post(
  url: string,
  events: { eventId: string }[],
): Promise<{ status: number; retryAfter: string | null; acknowledged: string[] }> {
  const response = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INGEST_KEY },
    body: JSON.stringify({ events }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => ({}))) as { rejected?: unknown[] };
  if (response.status === 202 && body.rejected?.length)
    throw new Error(`events rejected: ${JSON.stringify(body.rejected).slice(0, 300)}`);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    acknowledged: response.status === 202 ? events.map((event) => event.eventId) : [],
  };
}

/**
 * A source system posting a batch every `everyMs`, as the simulator does, and keeping count of
 * what the API answered. A batch not acknowledged is not re-sent: the tests check that what was
 * acknowledged is kept, whatever else happened.
 */
export class IngestLoop {
  readonly acknowledged: string[] = [];
  /** Answers by status; 0 for a request that got no answer (connection refused or cut). */
  readonly statuses = new Map<number, number>();
  /** 503s that did not say when to come back. */
  withoutRetryAfter = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly target: () => string,
    private readonly batch = 20,
    private readonly everyMs = 100,
  ) {}

  start(): this {
    this.timer = setInterval(() => {
      const sent = this.send();
      this.inFlight.add(sent);
      void sent.finally(() => this.inFlight.delete(sent));
    }, this.everyMs);
    return this;
  }

  /** Stops sending and waits for the answers still to come. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.inFlight);
  }

  count(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  private async send(): Promise<void> {
    let status = 0;
    try {
      const answer = await post(this.target(), receipts(this.batch));
      status = answer.status;
      this.acknowledged.push(...answer.acknowledged);
      if (status === 503 && !answer.retryAfter) this.withoutRetryAfter++;
    } catch {
      status = 0;
    }
    this.statuses.set(status, this.count(status) + 1);
  }
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A wall display as the dashboard's live client opens it (WebSocket first, polling as a
 * fallback, reconnecting by itself), watching the province's today: it subscribes again on every
 * (re)connection and keeps the latest count of receipts it was shown.
 */
export class Wall {
  readonly socket: LiveSocket;
  received = -1;
  connections = 0;
  /** Why the server closed it, when it did. */
  closedBy: string | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    url: string,
    token: string,
    options: { reconnection?: boolean; transports?: ('websocket' | 'polling')[] } = {},
  ) {
    this.socket = io(`${url}/live`, {
      auth: { token },
      transports: options.transports ?? ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      timeout: 5_000,
    });
    this.socket.on('connect', () => {
      this.connections++;
      void this.socket
        .timeout(10_000)
        .emitWithAck('subscribe', { window: 'today' })
        .then((answer: LiveSnapshot | LiveError) => 'summary' in answer && this.show(answer))
        .catch(() => {});
    });
    this.socket.on('update', (snapshot) => this.show(snapshot));
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.closedBy = reason;
    });
  }

  /** Only the summary counts here: a snapshot or an update, with or without its ranking. */
  private show(snapshot: Pick<LiveSnapshot, 'summary'>): void {
    this.received = snapshot.summary.received.total;
    for (const listener of this.listeners) listener();
  }

  /** Resolves once the wall shows at least `total` receipts; answers how long that took. */
  async shows(total: number, ms: number): Promise<number> {
    const started = performance.now();
    if (this.received >= total) return 0;
    await new Promise<void>((done, failed) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        failed(new Error(`the wall shows ${this.received} receipts, not ${total}, after ${ms} ms`));
      }, ms);
      const check = () => {
        if (this.received < total) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        done();
      };
      this.listeners.add(check);
    });
    return performance.now() - started;
  }

  /** Resolves once it shows a first snapshot. */
  async ready(ms = 15_000): Promise<void> {
    await this.shows(0, ms);
  }

  close(): void {
    this.socket.close();
  }
}
