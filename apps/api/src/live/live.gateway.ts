import { LIVE_NAMESPACE, LiveError, LiveSnapshot, SubscribeRequest, WINDOWS } from '@ioc/domain';
import { ForbiddenException, HttpException, Logger, UnauthorizedException } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { z } from 'zod';
import { AccessPolicy } from '../auth/access-policy';
import { AuthService } from '../auth/auth.service';
import { confinedUnit, Principal } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { LiveAccessWatch, LiveNamespace, LiveSocket } from './live-access';
import { RoomKey, roomName } from './live-rooms';
import { LiveService } from './live.service';

const code = z.string().trim().min(1).max(64);
const subscribeSchema = z.object({
  scope: code.optional(),
  agency: code.optional(),
  window: z.enum(WINDOWS),
});

const DATA_CHANGED = 'ioc:data-changed';

/** What a viewer may see of a room's ranking and alerts (rooms differ by it). */
function visibilityOf(principal: Principal): string {
  if (principal.role === 'agency_head') return `agency:${principal.agencyCode ?? ''}`;
  return confinedUnit(principal) ?? 'all';
}

/**
 * socket.io namespace `/live` (SPEC §5): authenticates the handshake token, answers `subscribe`
 * with a snapshot and joins the socket to its room; LiveService publishes the updates.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: false } })
export class LiveGateway implements OnGatewayInit<LiveNamespace> {
  private readonly logger = new Logger(LiveGateway.name);
  private namespace!: LiveNamespace;

  constructor(
    private readonly live: LiveService,
    private readonly auth: AuthService,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
    private readonly accessWatch: LiveAccessWatch,
    private readonly directory: DirectoryService,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || !token)
        return next(new Error('Missing access token (auth.token)'));
      this.auth
        .authenticate(token)
        .then((principal) => {
          socket.data = { principal, token };
          next();
        })
        // A refused credential says why; anything else (the database down) stays in the log.
        .catch((error: Error) =>
          next(
            new Error(
              error instanceof UnauthorizedException
                ? error.message
                : 'The service is unavailable; try again shortly',
            ),
          ),
        );
    });
    this.accessWatch.watch(namespace, (principal, request) => this.keyFor(principal, request));
    // Rooms exist while somebody on this instance watches them.
    namespace.adapter.on('delete-room', (room: string) => this.live.release(room));
    // Another instance accepted events: recompute here too.
    namespace.on(DATA_CHANGED, () => this.live.markChanged());
    this.live.attach({
      publish: (room, update) => {
        namespace.local.to(room).emit('update', update);
        return namespace.adapter.rooms.get(room)?.size ?? 0;
      },
      // A single instance has nobody to tell.
      announceChange: () => this.config.redisUrl && namespace.serverSideEmit(DATA_CHANGED),
      clients: () => namespace.sockets.size,
    });
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<LiveSnapshot | LiveError> {
    const key = this.roomKey(socket, body);
    if ('error' in key) return key;
    try {
      const snapshot = await this.live.join(key, socket.data.principal);
      await socket.join(roomName(key));
      return snapshot;
    } catch (error) {
      this.logger.error(`subscribe failed: ${(error as Error).message}`);
      return { error: 'Could not compute the snapshot', status: 400 };
    }
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: true } | LiveError> {
    const key = this.roomKey(socket, body);
    if ('error' in key) return key;
    await socket.leave(roomName(key));
    return { ok: true };
  }

  /** What the request may watch, checked as REST checks it: a unit, or one agency. */
  private watched(
    principal: Principal,
    request: SubscribeRequest,
  ): { scope: string; agency: string | null } {
    if (principal.role === 'agency_head') {
      return this.access.ownAgency(principal, request.scope, request.agency);
    }
    if (request.agency === undefined) {
      return { scope: this.access.unitScope(principal, request.scope), agency: null };
    }
    const agency = this.access.agencyScope(principal, request.agency);
    return { scope: this.directory.current.agencies.get(agency)!.unitCode, agency };
  }

  private roomKey(socket: LiveSocket, body: unknown): RoomKey | LiveError {
    const parsed = subscribeSchema.safeParse(body);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return { error: reasons.join('; '), status: 400 };
    }
    return this.keyFor(socket.data.principal, parsed.data);
  }

  private keyFor(principal: Principal, request: SubscribeRequest): RoomKey | LiveError {
    try {
      const { scope, agency } = this.watched(principal, request);
      return { scope, agency, window: request.window, visibility: visibilityOf(principal) };
    } catch (error) {
      const status = error instanceof ForbiddenException ? 403 : 400;
      const message = error instanceof HttpException ? error.message : 'Bad request';
      return { error: message, status };
    }
  }
}
