import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { EventBus } from '../bus/event-bus';

const CHANNEL = 'ioc_data_changed';
const RETRY_FIRST_MS = 500;
const RETRY_LONGEST_MS = 30_000;

/**
 * Tells the other API instances sharing the database that the figures changed (a projection pass
 * or staffing reports committed here), with PostgreSQL's LISTEN/NOTIFY, so their walls update
 * within a tick instead of at the next heartbeat.
 *
 * Always PostgreSQL, never Redis, for this one signal: every instance shares the database (the
 * changed data lives there), so the signal works exactly when there is data to announce, with or
 * without Redis, and one path needs no detection of Redis's health and no switch-over in which a
 * change could be missed. Redis still carries what belongs to the sockets (recovery, access
 * changes). One dedicated connection per instance, outside the pool: it reconnects by itself
 * with backoff and never holds up a request, and while it is away a change is simply not
 * announced (the other instances catch up at their heartbeat).
 */
@Injectable()
export class DataChangeChannel implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DataChangeChannel.name);
  /** Names this instance's notifications, which it ignores when they come back. */
  private readonly instanceId = randomUUID();
  private readonly listeners = new Set<() => void>();
  private client: Client | undefined;
  private connected = false;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Coalescing: one NOTIFY in flight at a time, and at most one more asked for meanwhile. */
  private sending: Promise<void> | undefined;
  private sendAgain = false;

  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  /** Serving starts listening: a first attempt that fails retries in the background. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.sending;
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }

  /** Whether the other instances' changes are heard now (the LISTEN connection is up). */
  get listening(): boolean {
    return this.connected;
  }

  /** Calls `listener` whenever another instance announces a change. */
  onChangeElsewhere(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a change to the other instances (folded into the NOTIFY under way, if any). */
  announce(): void {
    if (!this.connected) return;
    if (this.sending) {
      this.sendAgain = true;
      return;
    }
    this.sending = this.notify().finally(() => {
      this.sending = undefined;
      if (this.sendAgain) {
        this.sendAgain = false;
        this.announce();
      }
    });
  }

  private async notify(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, this.instanceId]);
      this.bus.emit('live.changes-notified', { direction: 'sent' });
    } catch (error) {
      // The connection broke: its 'error' or 'end' handler reconnects.
      this.logger.warn(`Could not announce a data change: ${(error as Error).message}`);
    }
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: (this.db.options as PostgresConnectionOptions).url,
      application_name: 'ioc-api-changes',
      connectionTimeoutMillis: 5_000,
      // A host that vanished is noticed by TCP keepalive, not only at the next NOTIFY.
      keepAlive: true,
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection closed'));
    client.on('notification', (message) => this.received(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.lost(client, (error as Error).message);
      return;
    }
    // Stopped meanwhile.
    if (this.client !== client) return void client.end().catch(() => undefined);
    if (this.retryMs > RETRY_FIRST_MS) this.logger.log('Listening to data changes again');
    this.retryMs = RETRY_FIRST_MS;
    this.connected = true;
  }

  private received(message: Notification): void {
    if (message.channel !== CHANNEL || message.payload === this.instanceId) return;
    this.bus.emit('live.changes-notified', { direction: 'received' });
    for (const listener of this.listeners) listener();
  }

  /** The connection is gone (each client is reported once): try again later, waiting longer each time. */
  private lost(client: Client, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.connected = false;
    client.removeAllListeners('notification');
    // The broken client's own errors are of no more interest.
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `Data changes from other instances are not heard (${reason}); retrying in ${this.retryMs} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_LONGEST_MS);
  }
}
