import type { DossierEvent } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One dossier's accepted events, from the log (the source of truth). */
@Injectable()
export class DossiersRepository {
  constructor(private readonly db: DataSource) {}

  async eventsOf(dossierId: string): Promise<DossierEvent[]> {
    const rows = await this.db.query<{ payload: DossierEvent }[]>(
      `SELECT payload FROM event WHERE dossier_id = $1`,
      [dossierId],
    );
    return rows.map((row) => row.payload);
  }
}
