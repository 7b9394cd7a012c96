import {
  LIVE_NAMESPACE,
  applyLiveUpdate,
  isLiveError,
  type ClientToServerEvents,
  type LiveAccessWithdrawn,
  type LiveError,
  type LiveSnapshot,
  type LiveUpdate,
  type ServerToClientEvents,
  type WindowName,
} from '@ioc/domain/browser';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketFactory = (
  namespace: string,
  options: Partial<ManagerOptions & SocketOptions>,
) => LiveSocket;

/**
 * `connecting`: no answer yet; `subscribed`: a snapshot arrived and updates flow; `disconnected`:
 * the link dropped and socket.io is reconnecting; `refused`: the server turned the connection
 * down (no gateway, revoked token) and we try again later.
 */
export type LinkState = 'connecting' | 'subscribed' | 'disconnected' | 'refused';

export interface LiveHandlers {
  /** The room's whole snapshot, at subscribing and after every update (the ranking kept when unchanged). */
  snapshot(snapshot: LiveSnapshot): void;
  state(state: LinkState, reason?: string): void;
  /** The server took this access away (SPEC §6): 401 the credential itself, 403 this view. */
  withdrawn?(notice: LiveAccessWithdrawn): void;
}

export interface LiveClientOptions {
  token: string;
  window: WindowName;
  scope?: string;
  /** One agency's figures instead of a unit's (an agency's workspace). */
  agency?: string;
  handlers: LiveHandlers;
  socketFactory?: SocketFactory;
  /** After a refusal, how long before trying again. */
  retryAfterRefusalMs?: number;
  /** How long to wait for the acknowledgement of `subscribe`. */
  ackTimeoutMs?: number;
}

/**
 * The wall's end of the live stream (SPEC §5): subscribes on every (re)connect, holds the last
 * snapshot and applies each update to it (an update without a ranking keeps the one held), checks
 * that `seq` rises by one and asks again when it does not, so the screen is whole after any gap.
 */
export class LiveClient {
  private socket: LiveSocket | undefined;
  private window: WindowName;
  /** What the screen shows now; null while no subscription answered (or after a gap). */
  private held: LiveSnapshot | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribing = 0;
  private stopped = false;

  constructor(private readonly options: LiveClientOptions) {
    this.window = options.window;
  }

  start(): void {
    this.stopped = false;
    const factory = this.options.socketFactory ?? ((namespace, options) => io(namespace, options));
    const socket = factory(LIVE_NAMESPACE, {
      auth: { token: this.options.token },
      // WebSocket first; long polling if a proxy in between will not carry it.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      timeout: 8_000,
    });
    this.socket = socket;
    this.options.handlers.state('connecting');
    socket.on('connect', () => this.subscribe());
    socket.on('update', (snapshot) => this.onUpdate(snapshot));
    socket.on('withdrawn', (notice) => this.onWithdrawn(notice));
    socket.on('disconnect', (reason) => {
      this.held = null;
      this.options.handlers.state('disconnected', reason);
      // The server closed us on purpose: socket.io will not come back by itself.
      if (reason === 'io server disconnect') this.retryLater();
    });
    socket.on('connect_error', (error) => {
      if (socket.active) {
        this.options.handlers.state('disconnected', error.message);
      } else {
        this.options.handlers.state('refused', error.message);
        this.retryLater();
      }
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
  }

  get currentWindow(): WindowName {
    return this.window;
  }

  /** Switches the subscription; updates of the old window that are still in flight are ignored. */
  setWindow(window: WindowName): void {
    if (window === this.window) return;
    const previous = this.window;
    this.window = window;
    this.held = null;
    if (this.socket?.connected) {
      this.socket.emit('unsubscribe', { ...this.target(), window: previous });
      this.subscribe();
    }
  }

  /** Asks for a whole snapshot again (the stream went quiet for too long). */
  resync(): void {
    if (this.socket?.connected) {
      this.held = null;
      this.subscribe();
    } else if (this.socket && !this.socket.active) {
      this.socket.connect();
    }
  }

  private target(): { scope?: string; agency?: string } {
    const { scope, agency } = this.options;
    return agency === undefined ? { scope } : { scope, agency };
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.socket && !this.socket.connected) this.socket.connect();
    }, this.options.retryAfterRefusalMs ?? 15_000);
  }

  private subscribe(): void {
    const socket = this.socket;
    if (!socket) return;
    const window = this.window;
    const attempt = ++this.subscribing;
    socket
      .timeout(this.options.ackTimeoutMs ?? 10_000)
      .emit(
        'subscribe',
        { ...this.target(), window },
        (error: Error | null, response: LiveSnapshot | LiveError) => {
          // A newer subscribe (window switch, reconnect) supersedes this one.
          if (attempt !== this.subscribing || this.stopped || window !== this.window) return;
          if (error) {
            if (socket.connected) this.subscribe();
            return;
          }
          if (isLiveError(response)) {
            this.options.handlers.state('refused', response.error);
            return;
          }
          this.held = response;
          this.options.handlers.state('subscribed');
          this.options.handlers.snapshot(response);
        },
      );
  }

  private onWithdrawn(notice: LiveAccessWithdrawn): void {
    // A withdrawn credential will not come back by reconnecting: stop asking.
    if (notice.status === 401) this.stop();
    this.options.handlers.state('refused', notice.error);
    this.options.handlers.withdrawn?.(notice);
  }

  private onUpdate(update: LiveUpdate): void {
    if (update.window !== this.window || this.held === null) return;
    if (update.seq <= this.held.seq) return; // already seen
    const snapshot = applyLiveUpdate(this.held, update);
    if (!snapshot) {
      // A gap: something was missed; a fresh snapshot makes the screen whole again.
      this.held = null;
      this.subscribe();
      return;
    }
    this.held = snapshot;
    this.options.handlers.snapshot(snapshot);
  }
}
