import { directorySchema, type Directory } from '@ioc/domain';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { demoDirectories, DemoProvince } from '@ioc/domain/demo';
import { DirectoryRepository } from './directory.repository';
import { DirectorySnapshot } from './directory-snapshot';
import {
  describeProblem,
  DirectorySection,
  ImportPreview,
  previewImport,
  RowNumbers,
} from './import-preview';

export type { DirectorySection } from './import-preview';

/** The preview as the API answers it: what would change, and every problem, row by row. */
export type ImportPreviewAnswer = Omit<ImportPreview, 'directory'>;

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

  /**
   * Seeds the demo province's directory into an empty database. A database that holds another
   * province (DEMO_PROVINCE switched on an existing DATA_DIR or DATABASE_URL) is refused: its
   * events, users and the simulator's state belong to that province.
   */
  async seedDemo(province: DemoProvince): Promise<void> {
    const directory = directorySchema.parse(demoDirectories[province]);
    const root = directory.units.find((unit) => unit.parentCode === null);
    if (await this.repository.isEmpty()) {
      const summary = await this.import(directory);
      this.logger.log(
        `Seeded the demo directory ${province} (${root?.name}): ${JSON.stringify(summary)}`,
      );
      return;
    }
    const held = (await this.reload()).province;
    if (held && root && held.code !== root.code) {
      throw new Error(
        `DEMO_PROVINCE: ${province} is ${root.name} (${root.code}), but the database already ` +
          `holds ${held.name} (${held.code}) from an earlier start. Set DEMO_PROVINCE back, or ` +
          `give this demo its own database (another DATA_DIR, or DATABASE_URL).`,
      );
    }
  }

  /** What importing `input` would do (the entries checked row by row); writes nothing. */
  async preview(input: unknown, rowNumbers?: RowNumbers): Promise<ImportPreviewAnswer> {
    const { valid, rows, problems, changes } = await this.analyse(input, rowNumbers);
    return { valid, rows, problems, changes };
  }

  private async analyse(input: unknown, rowNumbers?: RowNumbers): Promise<ImportPreview> {
    return previewImport(input, await this.repository.load(), rowNumbers);
  }

  /** Adds or updates entries; the result must still be one consistent tree, else nothing is written. */
  async import(
    input: unknown,
    rowNumbers?: RowNumbers,
  ): Promise<{ units: number; agencies: number; procedures: number }> {
    const preview = await this.analyse(input, rowNumbers);
    if (!preview.valid) {
      throw new BadRequestException(preview.problems.slice(0, 50).map(describeProblem));
    }
    await this.repository.upsert(preview.directory);
    await this.reload();
    return preview.rows;
  }

  previewCsv(section: DirectorySection, csv: string): Promise<ImportPreviewAnswer> {
    const { input, rowNumbers } = readCsv(section, csv);
    return this.preview(input, rowNumbers);
  }

  importCsv(section: DirectorySection, csv: string) {
    const { input, rowNumbers } = readCsv(section, csv);
    return this.import(input, rowNumbers);
  }
}

/** A section's CSV (a header row named like the JSON fields) as import input, with each row's line. */
function readCsv(
  section: DirectorySection,
  csv: string,
): { input: Partial<Directory>; rowNumbers: RowNumbers } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    throw new BadRequestException(`CSV could not be read: ${(error as Error).message}`);
  }
  // Empty cells are absent values: a root unit has no parent, a procedure may name no agency.
  const rows = records.map(({ record }) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [
        key,
        value === '' ? (key === 'parentCode' ? null : undefined) : value,
      ]),
    ),
  );
  return {
    input: { [section]: rows },
    rowNumbers: { [section]: records.map(({ info }) => info.lines) },
  };
}
