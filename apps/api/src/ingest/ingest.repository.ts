import type { IngestEvent, StaffingReported } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class IngestRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Appends the events not seen before; returns the ids that were new. */
  async append(
    tx: EntityManager,
    events: readonly IngestEvent[],
    apiKeyId: number | null,
  ): Promise<Set<string>> {
    const rows = await tx.query<{ event_id: string }[]>(
      `INSERT INTO event (event_id, type, occurred_at, dossier_id, payload, api_key_id)
       SELECT event_id, type, occurred_at, dossier_id, payload, $2
         FROM jsonb_to_recordset($1::jsonb)
           AS r(event_id text, type text, occurred_at timestamptz, dossier_id text, payload jsonb)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        JSON.stringify(
          // Sorted like the queue, so two batches sharing event ids cannot deadlock.
          [...events]
            .sort((a, b) => (a.eventId < b.eventId ? -1 : 1))
            .map((event) => ({
              event_id: event.eventId,
              type: event.type,
              occurred_at: event.occurredAt,
              dossier_id: 'dossierId' in event ? event.dossierId : null,
              payload: event,
            })),
        ),
        apiKeyId,
      ],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  async recordStaffing(tx: EntityManager, reports: readonly StaffingReported[]): Promise<void> {
    if (reports.length === 0) return;
    await tx.query(
      `INSERT INTO staffing_report (event_id, agency_code, reported_at, quota, headcount, on_duty, streamlined, recruited)
       SELECT "eventId", "agencyCode", "occurredAt", quota, headcount, "onDuty", streamlined, recruited
         FROM jsonb_to_recordset($1::jsonb) AS r("eventId" text, "agencyCode" text, "occurredAt" timestamptz,
           quota integer, headcount integer, "onDuty" integer, streamlined integer, recruited integer)
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(reports)],
    );
  }
}
