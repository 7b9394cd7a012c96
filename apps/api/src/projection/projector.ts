import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus } from '../bus/event-bus';
import { DossierProjection } from './dossier-projection';
import { ProjectionRepository } from './projection.repository';

// Dossiers derived in one transaction; bigger passes amortise the fixed cost of each statement.
const PASS_SIZE = 5_000;
// Other instances' ingests are noticed at this rhythm; this instance's at once.
const POLL_MS = 200;
/** Dossiers taken from the queue between two vacuums of it (a few seconds at the busiest). */
export const VACUUM_QUEUE_EVERY = 20_000;

/**
 * Derives queued dossiers in the background, right after their events are committed: ingest
 * stays as fast as appending to the log, and passes coalesce the dossiers of many requests.
 * Any instance may drain the queue; the projection lock keeps them one at a time. A dossier that
 * cannot be derived is set aside by the projection, so only a fault of the database itself (the
 * pass is then retried whole) can stop a pass.
 */
@Injectable()
export class DossierProjector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DossierProjector.name);
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private takenSinceVacuum = 0;

  constructor(
    private readonly repository: ProjectionRepository,
    private readonly projection: DossierProjection,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.drain().catch(() => undefined), POLL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Resolves once a whole pass that started after this call has finished: every dossier queued
   * before the call is then derived or set aside (by this pass, or by an earlier one of another
   * instance).
   */
  drain(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => (this.running = undefined));
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.drain();
      });
    return this.next;
  }

  /** A vacuum that fails costs speed, not data: the passes go on, and it is tried again later. */
  private async vacuumQueue(): Promise<void> {
    this.takenSinceVacuum = 0;
    try {
      await this.repository.vacuumQueue();
    } catch (error) {
      this.logger.warn(`Vacuum of the projection queue failed: ${(error as Error).message}`);
    }
  }

  private async run(): Promise<void> {
    try {
      for (let taken = PASS_SIZE; taken === PASS_SIZE;) {
        const started = performance.now();
        const pass = await this.repository.transaction(async (tx) => {
          await this.repository.lock(tx);
          const dossierIds = await this.repository.takeQueued(tx, PASS_SIZE);
          const outcome = await this.projection.project(tx, dossierIds);
          return { taken: dossierIds.length, setAside: outcome.setAside.length };
        });
        taken = pass.taken;
        if (taken) {
          const seconds = (performance.now() - started) / 1000;
          this.bus.emit('dossiers.projected', {
            dossiers: taken,
            setAside: pass.setAside,
            seconds,
          });
        }
        // After the news: the screens start computing while the queue is vacuumed.
        this.takenSinceVacuum += taken;
        if (this.takenSinceVacuum >= VACUUM_QUEUE_EVERY) await this.vacuumQueue();
      }
    } catch (error) {
      const message = (error as Error).message;
      this.logger.error(`Projection pass failed, retried on the next one: ${message}`);
      this.bus.emit('projection.failed', { message });
      throw error;
    }
  }
}
