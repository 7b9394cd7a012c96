import { INestApplicationContext, Logger } from '@nestjs/common';
import type { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { LiveIoAdapter } from './live-io.adapter';

const TWO_MINUTES = 120_000;

/**
 * Several API instances behind one wall: socket.io's Redis Streams adapter carries
 * inter-instance messages and keeps connection-state recovery working across instances.
 */
export class RedisIoAdapter extends LiveIoAdapter {
  private readonly logger = new Logger(RedisIoAdapter.name);
  private adapterConstructor: ReturnType<typeof createAdapter> | undefined;
  private client: ReturnType<typeof createClient> | undefined;
  /** Set at shutdown: no client (the adapter's own copies included) reconnects after it. */
  private closing = false;

  constructor(
    app: INestApplicationContext,
    corsOrigins: readonly string[],
    private readonly redisUrl: string,
  ) {
    super(app, corsOrigins);
  }

  async connect(): Promise<void> {
    this.client = createClient({
      url: this.redisUrl,
      // The adapter duplicates this client for its stream readers; a reader waiting on a Redis
      // that is gone would otherwise retry for ever and keep a stopping process alive.
      socket: {
        reconnectStrategy: (retries) =>
          this.closing ? new Error('shutting down') : Math.min(50 * 2 ** retries, 2_000),
      },
    });
    this.client.on('error', (error: Error) => this.logger.error(`Redis: ${error.message}`));
    quietWhenClosed(this.client);
    await this.client.connect();
    // A short blocking read lets the adapter's reader connections close promptly at shutdown.
    this.adapterConstructor = createAdapter(this.client, { blockTimeInMs: 1_000 });
    this.logger.log('socket.io uses the Redis Streams adapter');
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>) {
    const server = super.createIOServer(port, {
      ...options,
      connectionStateRecovery: { maxDisconnectionDuration: TWO_MINUTES },
    }) as Server;
    if (!this.adapterConstructor) throw new Error('RedisIoAdapter: connect() before serving');
    server.adapter(this.adapterConstructor);
    return server;
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    this.closing = true;
    await super.close(server);
    // Called once per server (root and namespace): the client is closed once.
    const client = this.client;
    this.client = undefined;
    // With Redis gone, `close` would wait for replies that never come and the client would go on
    // reconnecting: drop it instead.
    if (client?.isReady) await client.close();
    else client?.destroy();
  }
}

type Client = ReturnType<typeof createClient>;

/**
 * At shutdown a stream reader still waiting on a Redis that is gone is closed by its reconnect
 * strategy; the adapter then disconnects it once more, which node-redis answers with an unhandled
 * ClientClosedError. The adapter's readers are copies of this client: theirs is made harmless.
 */
function quietWhenClosed(client: Client): void {
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((...args: Parameters<Client['duplicate']>) => {
    const copy = duplicate(...args);
    const disconnect = copy.disconnect.bind(copy);
    copy.disconnect = () => (copy.isOpen ? disconnect() : Promise.resolve());
    return copy;
  }) as Client['duplicate'];
}
