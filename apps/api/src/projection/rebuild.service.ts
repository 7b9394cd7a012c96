import { Injectable, Logger } from '@nestjs/common';
import { DossierProjection } from './dossier-projection';
import { ProjectionRepository, SetAsideDossier } from './projection.repository';

const CHUNK = 2_000;

export interface RebuildReport {
  dossiers: number;
  setAside: SetAsideDossier[];
  seconds: number;
}

/**
 * Rebuilds every derived table from the event log, so a corrected definition or a new holiday
 * applies to the past too (`npm run rebuild`). A dossier that cannot be derived is set aside and
 * reported; the rebuild always completes. Ingest waits on the projection lock meanwhile.
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
    const ids = await this.repository.allDossierIds();
    const setAside: SetAsideDossier[] = [];
    await this.repository.transaction(async (tx) => {
      await this.repository.lock(tx);
      await this.repository.truncateDerived(tx);
      for (let start = 0; start < ids.length; start += CHUNK) {
        const outcome = await this.projection.project(tx, ids.slice(start, start + CHUNK));
        setAside.push(...outcome.setAside);
        const done = Math.min(start + CHUNK, ids.length);
        if (done % (CHUNK * 25) === 0 || done === ids.length) {
          this.logger.log(
            `Rebuilt ${done.toLocaleString('en')} / ${ids.length.toLocaleString('en')} dossiers`,
          );
        }
      }
    });
    const seconds = (Date.now() - started) / 1000;
    this.logger.log(
      `Rebuild finished in ${seconds.toFixed(1)} s: ${ids.length.toLocaleString('en')} dossiers, ` +
        `${setAside.length} set aside (listed at GET /api/v1/admin/set-aside)`,
    );
    return { dossiers: ids.length, setAside, seconds };
  }
}
