import { Injectable, Logger, OnModuleDestroy, UnauthorizedException } from '@nestjs/common';
import type {
  ClientToServerEvents,
  LiveError,
  ServerToClientEvents,
  SubscribeRequest,
} from '@ioc/domain';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { Principal } from '../auth/principal';
import { EventBus } from '../bus/event-bus';
import { AppConfig } from '../config/app-config';
import { parseRoomName, RoomKey, roomName } from './live-rooms';
import { LiveService } from './live.service';

/** What the gateway keeps on each socket: who it is, and the credential that said so. */
export interface LiveSocketData {
  principal: Principal;
  token: string;
}

export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;

/** The gateway's rule for the room a principal may watch for a request. */
export type RoomKeyFor = (principal: Principal, request: SubscribeRequest) => RoomKey | LiveError;

const ACCESS_CHANGED = 'ioc:access-changed';

/**
 * Sends to this socket only, at once: with connection-state recovery (the Redis adapter) a plain
 * `socket.emit` goes through Redis first and would arrive after a disconnect that follows it.
 */
const tell = (socket: LiveSocket) => socket.nsp.local.to(socket.id);

/**
 * Access withdrawn reaches open sockets, on every instance: every ACCESS_RECHECK_MS (2 s), and at
 * once when an administrator acts here or (with Redis) on another instance, each socket's
 * credential is checked again against the database, as a REST request is. A revoked token or a
 * disabled account is told (`withdrawn`, 401) and disconnected; a new role or unit re-scopes the
 * socket: rooms it may no longer watch are left (`withdrawn`, 403), or swapped for the room its
 * new visibility gives. While the database does not answer, sockets are left as they are.
 */
@Injectable()
export class LiveAccessWatch implements OnModuleDestroy {
  private readonly logger = new Logger(LiveAccessWatch.name);
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;
  private checking: Promise<void> | undefined;
  private checkAgain = false;

  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveService,
    private readonly bus: EventBus,
    private readonly config: AppConfig,
  ) {}

  watch(namespace: LiveNamespace, roomKeyFor: RoomKeyFor): void {
    const check = () => void this.recheck(namespace, roomKeyFor);
    this.timer = setInterval(check, this.config.accessRecheckMs);
    this.timer.unref();
    // Another instance's administrator acted: check now, not at the next interval.
    namespace.on(ACCESS_CHANGED, check);
    this.stopListening = this.bus.on('access.changed', () => {
      check();
      if (this.config.redisUrl) namespace.serverSideEmit(ACCESS_CHANGED);
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  /** One pass over this instance's sockets; a request meanwhile runs one more pass after it. */
  recheck(namespace: LiveNamespace, roomKeyFor: RoomKeyFor): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = this.checkAll(namespace, roomKeyFor)
      .catch((error: Error) => this.logger.warn(`Access re-check skipped: ${error.message}`))
      .finally(() => {
        this.checking = undefined;
        if (this.checkAgain) {
          this.checkAgain = false;
          void this.recheck(namespace, roomKeyFor);
        }
      });
    return this.checking;
  }

  private async checkAll(namespace: LiveNamespace, roomKeyFor: RoomKeyFor): Promise<void> {
    const sockets = [...namespace.sockets.values()];
    // Sockets sharing a credential (a wall token on many screens) cost one look-up.
    const principals = new Map<string, Promise<Principal | undefined>>();
    for (const socket of sockets) {
      const { token } = socket.data;
      if (!principals.has(token)) principals.set(token, this.principalOf(token));
    }
    for (const socket of sockets) {
      const data = socket.data;
      const principal = await principals.get(data.token);
      if (!principal) {
        tell(socket).emit('withdrawn', { status: 401, error: 'Your access was withdrawn' });
        socket.disconnect(true);
      } else if (
        principal.role !== data.principal.role ||
        principal.unitCode !== data.principal.unitCode
      ) {
        data.principal = principal;
        await this.rescope(socket, principal, roomKeyFor);
      }
    }
  }

  /** The principal the credential stands for now; undefined if it no longer stands for anyone. */
  private async principalOf(token: string): Promise<Principal | undefined> {
    try {
      return await this.auth.authenticate(token);
    } catch (error) {
      if (error instanceof UnauthorizedException) return undefined;
      throw error; // the database did not answer: nothing is withdrawn on a guess
    }
  }

  private async rescope(socket: LiveSocket, principal: Principal, roomKeyFor: RoomKeyFor) {
    for (const room of [...socket.rooms]) {
      const watched = parseRoomName(room);
      if (!watched) continue; // the socket's own room
      const request = {
        scope: watched.scope,
        window: watched.window,
        ...(watched.agency === null ? {} : { agency: watched.agency }),
      };
      const key = roomKeyFor(principal, request);
      if ('error' in key) {
        await socket.leave(room);
        tell(socket).emit('withdrawn', { status: 403, error: key.error, subscription: request });
      } else if (roomName(key) !== room) {
        await socket.leave(room);
        // The same view under the new visibility, e.g. the ranking rows a chief may see.
        const snapshot = await this.live.join(key, principal);
        await socket.join(roomName(key));
        tell(socket).emit('update', snapshot);
      }
    }
  }
}
