import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** What the modules tell each other, by name, with its payload. */
export interface BusEvents {
  /** A projection pass committed: these many dossiers were derived (or set aside). */
  'dossiers.projected': { dossiers: number };
  /** Staffing reports were stored (they need no projection). */
  'staffing.recorded': { reports: number };
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
