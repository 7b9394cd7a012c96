import { Injectable } from '@nestjs/common';
import { AuditAct, AuditActor, AuditEntry, AuditFilter } from './audit-entry';
import { AuditRepository } from './audit.repository';

/** The administration's record of who did what, when and from where (SPEC §6). */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records an act once it has succeeded; `act.details` must never hold a secret. */
  record(actor: AuditActor, act: AuditAct): Promise<void> {
    return this.repository.insert(actor, act);
  }

  async list(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ total: number; page: number; pageSize: number; rows: AuditEntry[] }> {
    const { total, rows } = await this.repository.list(filter, pageSize, (page - 1) * pageSize);
    return { total, page, pageSize, rows };
  }
}
