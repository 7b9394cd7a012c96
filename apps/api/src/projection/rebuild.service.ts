import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection';
import { ProjectionRepository, SetAsideDossier } from './projection.repository';

/** Dossiers between two progress lines of the log. */
const PROGRESS_EVERY = 50_000;

export interface RebuildReport {
  dossiers: number;
  setAside: SetAsideDossier[];
  seconds: number;
}

/**
 * Rebuilds every derived table from the event log, so a corrected definition or a new holiday
 * applies to the past too (`npm run rebuild`). A dossier that cannot be derived is set aside and
 * reported; the rebuild always completes. Ingest waits on the emptied tables meanwhile.
 *
 * One pass over the log in dossier order: each batch of dossiers is derived as the projector
 * derives them and appended with COPY while the next batch is read and derived; the day
 * rollups are summed once at the end, and the tables analysed for the planner.
 */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger(RebuildService.name);

  constructor(
    private readonly repository: ProjectionRepository,
    private readonly projection: DossierProjection,
  ) {}

  async rebuild(): Promise<RebuildReport> {
    const started = Date.now();
    const report = await this.repository.transaction(async (tx) => {
      await this.repository.lock(tx);
      await this.repository.truncateDerived(tx);
      const emptied = Date.now();
      const { dossiers, events, setAside, latestEvent } = await this.deriveLog(tx);
      const derived = Date.now();
      await this.repository.sumRollups(tx);
      await this.repository.recordSetAside(tx, setAside, []);
      if (Number.isFinite(latestEvent)) await this.repository.raiseWatermark(tx, latestEvent);
      const summed = Date.now();
      await this.repository.analyzeDerived(tx);
      this.logger.log(
        `Tables emptied and staffing reports re-derived in ${since(started, emptied)}; ` +
          `${count(dossiers)} dossiers derived from ${count(events)} events in ` +
          `${since(emptied, derived)}; rollups summed in ${since(derived, summed)}; ` +
          `tables analysed in ${since(summed, Date.now())}`,
      );
      return { dossiers, setAside };
    });
    const seconds = (Date.now() - started) / 1000;
    this.logger.log(
      `Rebuild finished in ${seconds.toFixed(1)} s: ${count(report.dossiers)} dossiers, ` +
        `${report.setAside.length} set aside (listed at GET /api/v1/admin/set-aside)`,
    );
    return { ...report, seconds };
  }

  /** Derives and appends every dossier of the log, one batch written while the next is derived. */
  private async deriveLog(tx: EntityManager) {
    const context = this.projection.context();
    const setAside: SetAsideDossier[] = [];
    let dossiers = 0;
    let events = 0;
    let latestEvent = -Infinity;
    let writing: Promise<void> = Promise.resolve();
    for await (const eventsByDossier of this.repository.dossierLog(tx)) {
      const batch = await this.projection.derive(eventsByDossier, context);
      setAside.push(...batch.setAside);
      latestEvent = Math.max(latestEvent, batch.latestEvent);
      await writing;
      writing = this.projection.appendIsolated(tx, batch.derived, eventsByDossier, setAside);
      writing.catch(() => undefined); // awaited with the next batch; not unhandled meanwhile
      const before = dossiers;
      dossiers += eventsByDossier.size;
      for (const dossierEvents of eventsByDossier.values()) events += dossierEvents.length;
      if (Math.floor(dossiers / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
        this.logger.log(`Rebuilt ${count(dossiers)} dossiers so far (${count(events)} events)`);
      }
    }
    await writing;
    return { dossiers, events, setAside, latestEvent };
  }
}

const count = (n: number) => n.toLocaleString('en');
const since = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
