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

  constructor(
    app: INestApplicationContext,
    corsOrigins: readonly string[],
    private readonly redisUrl: string,
  ) {
    super(app, corsOrigins);
  }

  async connect(): Promise<void> {
    this.client = createClient({ url: this.redisUrl });
    this.client.on('error', (error: Error) => this.logger.error(`Redis: ${error.message}`));
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
    await super.close(server);
    // Called once per server (root and namespace): the client is closed once.
    const client = this.client;
    this.client = undefined;
    if (client?.isOpen) await client.close();
  }
}
