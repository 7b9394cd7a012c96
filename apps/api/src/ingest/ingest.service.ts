import {
  IngestEvent,
  IngestResult,
  isDossierEvent,
  RejectionReason,
  StaffingReported,
  validateEvent,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DirectorySnapshot } from '../directory/directory-snapshot';
import { DirectoryService } from '../directory/directory.service';
import { EventBus } from '../bus/event-bus';
import { ProjectionService } from '../projection/projection.service';
import { DossierProjector } from '../projection/projector';
import { IngestRepository } from './ingest.repository';

type Checked = { index: number; event: IngestEvent };

@Injectable()
export class IngestService {
  constructor(
    private readonly repository: IngestRepository,
    private readonly directory: DirectoryService,
    private readonly projection: ProjectionService,
    private readonly projector: DossierProjector,
    private readonly bus: EventBus,
  ) {}

  /**
   * Validates each event on its own, stores the good ones durably (committed before this
   * returns), counts repeats of a known `eventId` as duplicates, and queues the dossiers they
   * touch for the projector; with `waitForProjection` it answers once they are derived.
   */
  async ingest(
    rawEvents: readonly unknown[],
    apiKeyId: number | null,
    waitForProjection = false,
  ): Promise<IngestResult> {
    const rejected: IngestResult['rejected'] = [];
    const rejectedByReason: Partial<Record<RejectionReason, number>> = {};
    const reject = (reason: RejectionReason, rejection: IngestResult['rejected'][number]) => {
      rejected.push(rejection);
      rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    };
    const checked: Checked[] = [];
    for (const [index, raw] of rawEvents.entries()) {
      const result = validateEvent(raw);
      if (result.ok) checked.push({ index, event: result.event });
      else reject(result.reason, { index, eventId: eventIdOf(raw), errors: result.errors });
    }

    const snapshot = await this.directory.knowing((s) =>
      checked.some(({ event }) => unknownCodes(event, s).length),
    );
    const valid: IngestEvent[] = [];
    const idsInRequest = new Set<string>();
    let duplicates = 0;
    for (const { index, event } of checked) {
      const errors = unknownCodes(event, snapshot);
      if (errors.length) reject('unknown_code', { index, eventId: event.eventId, errors });
      else if (idsInRequest.has(event.eventId)) duplicates++;
      else {
        idsInRequest.add(event.eventId);
        valid.push(event);
      }
    }
    rejected.sort((a, b) => a.index - b.index);
    if (valid.length === 0) {
      this.bus.emit('events.ingested', { accepted: 0, duplicates, rejected: rejectedByReason });
      return { accepted: 0, duplicates, rejected };
    }

    const { accepted, dossiers, staffing } = await this.repository.transaction(async (tx) => {
      const inserted = await this.repository.append(tx, valid, apiKeyId);
      const fresh = valid.filter((event) => inserted.has(event.eventId));
      const reports = fresh.filter((e): e is StaffingReported => e.type === 'staffing.reported');
      await this.repository.recordStaffing(tx, reports);
      const dossierIds = [...new Set(fresh.filter(isDossierEvent).map((e) => e.dossierId))];
      await this.projection.queue(tx, dossierIds);
      return { accepted: fresh.length, dossiers: dossierIds.length, staffing: reports.length };
    });
    const allDuplicates = duplicates + valid.length - accepted;
    this.bus.emit('events.ingested', {
      accepted,
      duplicates: allDuplicates,
      rejected: rejectedByReason,
    });
    if (staffing) this.bus.emit('staffing.recorded', { reports: staffing });
    if (dossiers) {
      const projected = this.projector.drain();
      // Without waiting, a failed pass is logged by the projector and retried by the next one.
      if (waitForProjection) await projected;
      else projected.catch(() => undefined);
    }
    return { accepted, duplicates: allDuplicates, rejected };
  }
}

/** The id as sent: cut short, a too-long id could name another (accepted) event. */
function eventIdOf(raw: unknown): string | null {
  const id =
    typeof raw === 'object' && raw !== null ? (raw as { eventId?: unknown }).eventId : undefined;
  return typeof id === 'string' ? id : null;
}

function unknownCodes(event: IngestEvent, directory: DirectorySnapshot): string[] {
  const errors: string[] = [];
  if ('agencyCode' in event && !directory.agencies.has(event.agencyCode)) {
    errors.push(`agencyCode: unknown agency "${event.agencyCode}"`);
  }
  if (event.type === 'dossier.received') {
    if (!directory.units.has(event.unitCode))
      errors.push(`unitCode: unknown unit "${event.unitCode}"`);
    if (!directory.procedures.has(event.procedureCode)) {
      errors.push(`procedureCode: unknown procedure "${event.procedureCode}"`);
    }
  }
  return errors;
}
