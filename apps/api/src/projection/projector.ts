import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { DossierProjection } from './dossier-projection';

// Dossiers derived in one transaction; bigger passes amortise the fixed cost of each statement.
const PASS_SIZE = 5_000;
// Other instances' ingests are noticed at this rhythm; this instance's at once.
const POLL_MS = 200;

/**
 * Derives queued dossiers in the background, right after their events are committed: ingest
 * stays as fast as appending to the log, and passes coalesce the dossiers of many requests.
 * Any instance may drain the queue; the projection lock keeps them one at a time.
 */
@Injectable()
export class DossierProjector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DossierProjector.name);
  /** Emits `projected` with the number of dossiers after each committed pass. */
  readonly events = new EventEmitter();
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly projection: DossierProjection,
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
   * before the call is then derived (by this pass, or by an earlier one of another instance).
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

  private async run(): Promise<void> {
    try {
      for (let taken = PASS_SIZE; taken === PASS_SIZE;) {
        taken = await this.db.transaction(async (tx) => {
          await this.projection.lock(tx);
          // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
          const rows = await tx.query<{ dossier_id: string }[]>(
            `WITH taken AS (
               DELETE FROM pending_dossier WHERE dossier_id IN (
                 SELECT dossier_id FROM pending_dossier ORDER BY queued_at LIMIT ${PASS_SIZE} FOR UPDATE SKIP LOCKED)
               RETURNING dossier_id)
             SELECT dossier_id FROM taken`,
          );
          await this.projection.project(
            tx,
            rows.map((row) => row.dossier_id),
          );
          return rows.length;
        });
        if (taken) this.events.emit('projected', taken);
      }
    } catch (error) {
      this.logger.error(
        `Projection pass failed, retried on the next one: ${(error as Error).message}`,
      );
      throw error;
    }
  }
}
