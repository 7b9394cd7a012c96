import { directorySchema } from '@ioc/domain';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { DirectoryRepository } from './directory.repository';
import { DirectorySnapshot } from './directory-snapshot';

export type DirectorySection = 'units' | 'agencies' | 'procedures';

// A code missed by the in-memory copy may have been imported through another instance.
const RELOAD_AT_MOST_EVERY_MS = 5_000;

/** The directory of units, agencies and procedures, kept in memory for validation and scopes. */
@Injectable()
export class DirectoryService {
  private readonly logger = new Logger(DirectoryService.name);
  private snapshot = new DirectorySnapshot({ units: [], agencies: [], procedures: [] });
  private lastLoadedAt = 0;

  constructor(private readonly repository: DirectoryRepository) {}

  get current(): DirectorySnapshot {
    return this.snapshot;
  }

  async reload(): Promise<DirectorySnapshot> {
    this.snapshot = new DirectorySnapshot(await this.repository.load());
    this.lastLoadedAt = Date.now();
    return this.snapshot;
  }

  /** The snapshot, reloaded first if `missing` holds codes it lacks and it was not just loaded. */
  async knowing(missing: (snapshot: DirectorySnapshot) => boolean): Promise<DirectorySnapshot> {
    if (missing(this.snapshot) && Date.now() - this.lastLoadedAt > RELOAD_AT_MOST_EVERY_MS) {
      await this.reload();
    }
    return this.snapshot;
  }

  async seedDemo(): Promise<void> {
    if (!(await this.repository.isEmpty())) return;
    const summary = await this.import(demoDirectory);
    this.logger.log(`Seeded the demo directory (Bình Phước): ${JSON.stringify(summary)}`);
  }

  /** Adds or updates entries; the result must still be one consistent tree. */
  async import(input: unknown): Promise<{ units: number; agencies: number; procedures: number }> {
    const parsed = directorySchema.safeParse(input);
    if (!parsed.success) throw new BadRequestException(describeIssues(parsed.error));
    const incoming = parsed.data;
    const current = await this.repository.load();
    const merged = new DirectorySnapshot({
      units: mergeByCode(current.units, incoming.units),
      agencies: mergeByCode(current.agencies, incoming.agencies),
      procedures: mergeByCode(current.procedures, incoming.procedures),
    });
    const problems = consistencyProblems(merged);
    if (problems.length) throw new BadRequestException(problems.slice(0, 50));
    await this.repository.upsert(incoming);
    await this.reload();
    return {
      units: incoming.units.length,
      agencies: incoming.agencies.length,
      procedures: incoming.procedures.length,
    };
  }

  async importCsv(section: DirectorySection, csv: string) {
    let records: Record<string, string>[];
    try {
      records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw new BadRequestException(`CSV could not be read: ${(error as Error).message}`);
    }
    // Empty cells are absent values: a root unit has no parent, a procedure may name no agency.
    const rows = records.map((record) =>
      Object.fromEntries(
        Object.entries(record).map(([key, value]) => [
          key,
          value === '' ? (key === 'parentCode' ? null : undefined) : value,
        ]),
      ),
    );
    return this.import({ [section]: rows });
  }
}

function mergeByCode<T extends { code: string }>(current: T[], incoming: T[]): T[] {
  const byCode = new Map(current.map((entry) => [entry.code, entry]));
  for (const entry of incoming) byCode.set(entry.code, entry);
  return [...byCode.values()];
}

function consistencyProblems(directory: DirectorySnapshot): string[] {
  const problems: string[] = [];
  const roots = [...directory.units.values()].filter((u) => u.parentCode === null);
  if (directory.units.size > 0 && roots.length !== 1) {
    problems.push(
      `units: exactly one unit without parentCode (the province) is needed, found ${roots.length}`,
    );
  }
  for (const unit of directory.units.values()) {
    if (unit.parentCode !== null && !directory.units.has(unit.parentCode)) {
      problems.push(`unit ${unit.code}: unknown parentCode ${unit.parentCode}`);
    } else if ((unit.level === 'province') !== (unit.parentCode === null)) {
      problems.push(`unit ${unit.code}: only the province has no parent`);
    }
  }
  for (const unit of directory.units.values()) {
    const seen = new Set<string>();
    for (let up = unit; up.parentCode !== null; up = directory.units.get(up.parentCode) ?? up) {
      if (seen.has(up.code) || !directory.units.has(up.parentCode)) {
        if (seen.has(up.code)) problems.push(`unit ${unit.code}: its parents form a loop`);
        break;
      }
      seen.add(up.code);
    }
  }
  for (const agency of directory.agencies.values()) {
    if (!directory.units.has(agency.unitCode)) {
      problems.push(`agency ${agency.code}: unknown unitCode ${agency.unitCode}`);
    }
  }
  for (const procedure of directory.procedures.values()) {
    if (procedure.agencyCode && !directory.agencies.has(procedure.agencyCode)) {
      problems.push(`procedure ${procedure.code}: unknown agencyCode ${procedure.agencyCode}`);
    }
  }
  return problems;
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
