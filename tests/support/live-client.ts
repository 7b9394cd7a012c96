import type {
  ClientToServerEvents,
  LiveError,
  LiveSnapshot,
  LiveUpdate,
  ServerToClientEvents,
  SubscribeRequest,
} from '@ioc/domain';
import { io, Socket } from 'socket.io-client';

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client on `/live`, connected with a token. */
export async function connectLive(url: string, token: string): Promise<LiveClient> {
  const socket: LiveClient = io(`${url}/live`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function subscribe(
  socket: LiveClient,
  request: SubscribeRequest,
): Promise<LiveSnapshot | LiveError> {
  return socket.timeout(5_000).emitWithAck('subscribe', request);
}

/** The next update that satisfies `predicate`, or a rejection after `ms`. */
export function nextUpdate(
  socket: LiveClient,
  predicate: (update: LiveUpdate) => boolean = () => true,
  ms = 3_000,
): Promise<LiveUpdate> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('update', listener);
      reject(new Error(`no matching update within ${ms} ms`));
    }, ms);
    const listener = (update: LiveUpdate) => {
      if (!predicate(update)) return;
      clearTimeout(timer);
      socket.off('update', listener);
      resolve(update);
    };
    socket.on('update', listener);
  });
}
