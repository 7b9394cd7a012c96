import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { ProjectionRepository, QueueStatus, SetAsideRow } from './projection.repository';

/** How fresh the derived figures are. */
export interface Freshness {
  /** The instant the figures are true to: every event stored before it is derived. */
  asOf: number;
  /** When this was read (the app's clock): `computedAt − asOf` is how far the figures lag. */
  computedAt: number;
}

/** How far the derived figures follow the event log. */
export interface ProjectionStatus extends QueueStatus {
  asOf: number;
  setAside: number;
}

/** What the projection tells the rest: how fresh the figures are, and what it set aside. */
@Injectable()
export class ProjectionService {
  constructor(
    private readonly repository: ProjectionRepository,
    private readonly clock: Clock,
  ) {}

  /** Queues dossiers for the projector, in the transaction that stores their events. */
  queue(tx: EntityManager, dossierIds: readonly string[]): Promise<void> {
    return this.repository.queue(tx, dossierIds);
  }

  /**
   * Now, less the wait of the oldest dossier queued and not derived yet: the figures include every
   * event stored before it was queued. The wait is measured on the database's clock, so the
   * app's clock may differ from the database's.
   */
  async freshness(): Promise<Freshness> {
    return this.freshnessGiven(await this.repository.oldestQueuedAgeMs());
  }

  async status(): Promise<ProjectionStatus> {
    const [queue, setAside] = await Promise.all([
      this.repository.queueStatus(),
      this.repository.setAsideCount(),
    ]);
    return { ...queue, setAside, asOf: this.freshnessGiven(queue.oldestAgeMs).asOf };
  }

  private freshnessGiven(oldestQueuedAgeMs: number): Freshness {
    const computedAt = this.clock.now();
    return { asOf: computedAt - oldestQueuedAgeMs, computedAt };
  }

  async setAside(
    page: number,
    pageSize: number,
  ): Promise<{ total: number; page: number; pageSize: number; rows: SetAsideRow[] }> {
    const [total, rows] = await Promise.all([
      this.repository.setAsideCount(),
      this.repository.listSetAside(pageSize, (page - 1) * pageSize),
    ]);
    return { total, page, pageSize, rows };
  }
}
