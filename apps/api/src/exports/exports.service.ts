import type { DownloadFormat } from '@ioc/domain';
import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { TableDownload } from './table-spec';
import { writeCsv, writeXlsx } from './table-writers';

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name part: letters, digits and dashes only (codes may hold anything else). */
const safePart = (part: string) => part.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');

/** Tables as CSV or XLSX downloads, written while their rows are read (SPEC §5). */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * `<what>-<scope…>-<local date>`: the file names what it holds, where, and the day it was
   * taken (today, local).
   */
  fileName(what: string, ...scope: (string | null | undefined)[]): string {
    const today = this.calendar.clock.dateOf(this.clock.now());
    return [what, ...scope, today]
      .filter((part): part is string => !!part)
      .map(safePart)
      .join('-');
  }

  /**
   * The download as an answer: the file is written into the response as rows come. A failure
   * once the first bytes are sent can only cut the file short (it is logged).
   */
  download<Row>(
    format: DownloadFormat,
    download: TableDownload<Row>,
    response: Response,
  ): StreamableFile {
    const body = new PassThrough();
    // A client that goes away stops the writer (and the cursor behind it) instead of stalling it.
    response.once('close', () => body.destroy());
    const write = format === 'csv' ? writeCsv : writeXlsx;
    write(download, body, this.calendar.clock).catch((error: Error) => {
      if (!body.destroyed) {
        this.logger.error(`Download ${download.fileName}.${format} failed: ${error.message}`);
        body.destroy(error);
      }
    });
    return new StreamableFile(body, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${download.fileName}.${format}"`,
    });
  }
}
