import type { RejectionReason } from '@ioc/domain';
import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** What the modules tell each other, by name, with its payload. */
export interface BusEvents {
  /** A request's events were judged: stored, repeats of stored ones, or rejected (by reason). */
  'events.ingested': {
    accepted: number;
    duplicates: number;
    rejected: Partial<Record<RejectionReason, number>>;
  };
  /**
   * A projection pass committed: these many dossiers were taken from the queue, of which
   * `setAside` could not be derived, in `seconds`.
   */
  'dossiers.projected': { dossiers: number; setAside: number; seconds: number };
  /** A projection pass failed (the database's fault); the next pass retries it whole. */
  'projection.failed': { message: string };
  /** Staffing reports were stored (they need no projection). */
  'staffing.recorded': { reports: number };
  /** Someone tried to log in: right, wrong, or refused unchecked after too many failures. */
  'login.attempted': { outcome: 'success' | 'failure' | 'throttled' };
  /**
   * An administrator withdrew or changed someone's access (a key or wall token revoked, a user
   * disabled, given another role or unit): open sockets are checked again at once.
   */
  'access.changed': { what: 'user' | 'key'; id: string };
  /** A live tick recomputed these many rooms, in `seconds`. */
  'live.ticked': { rooms: number; seconds: number };
  /** A room's snapshot went to the clients watching it on this instance. */
  'live.published': { clients: number };
  /** A data-change notification went to the other instances, or came from one of them. */
  'live.changes-notified': { direction: 'sent' | 'received' };
}

type Listener<K extends keyof BusEvents> = (payload: BusEvents[K]) => void;

/**
 * The one way modules tell each other what happened, typed by `BusEvents`. A listener that throws
 * is logged and never stops the emitter or the other listeners.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly emitter = new EventEmitter();

  emit<K extends keyof BusEvents>(name: K, payload: BusEvents[K]): void {
    for (const listener of this.emitter.listeners(name) as Listener<K>[]) {
      try {
        listener(payload);
      } catch (error) {
        this.logger.error(`A listener of ${name} failed: ${(error as Error).message}`);
      }
    }
  }

  on<K extends keyof BusEvents>(name: K, listener: Listener<K>): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}

@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventBusModule {}
