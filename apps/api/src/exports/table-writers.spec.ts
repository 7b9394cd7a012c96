import { LocalClock } from '@ioc/domain';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { TableDownload, TableSpec } from './table-spec';
import { writeCsv, writeXlsx } from './table-writers';

interface Line {
  code: string;
  day: string;
  at: string;
  count: number;
  rate: number | null;
  amount: number;
}

const SPEC: TableSpec<Line> = {
  sheet: 'Thử nghiệm',
  columns: [
    { header: 'Mã', type: 'text', value: (l) => l.code },
    { header: 'Ngày', type: 'date', value: (l) => l.day },
    { header: 'Thời điểm', type: 'datetime', value: (l) => l.at },
    { header: 'Số lượng', type: 'integer', value: (l) => l.count },
    { header: 'Tỉ lệ', type: 'percent', value: (l) => l.rate },
    { header: 'Số tiền', type: 'vnd', value: (l) => l.amount },
  ],
};
const LINE: Line = {
  code: 'HS-1',
  day: '2026-11-20',
  at: '2026-11-20T01:30:00.000Z', // 08:30 in Hà Nội
  count: 1234,
  rate: 0.9798,
  amount: 561_578_000,
};
const clock = new LocalClock('Asia/Ho_Chi_Minh');

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

/** Batches without end, saying when the reader behind them was let go. */
function endless(released: { done: boolean }): AsyncIterable<Line[]> {
  return (async function* () {
    try {
      for (let n = 0; ; n++) {
        // A turn of the event loop, as a fetch from the database takes.
        await new Promise((resolve) => setImmediate(resolve));
        yield Array.from({ length: 500 }, () => ({ ...LINE, code: `HS-${n}` }));
      }
    } finally {
      released.done = true;
    }
  })();
}

describe('table writers', () => {
  const download: TableDownload<Line> = {
    spec: SPEC,
    rows: [[LINE, { ...LINE, rate: null }]],
    fileName: 'x',
  };

  it('writes XLSX cells by type: local days and times as dates, numbers, percentages, VND', async () => {
    const file = await collect((out) => writeXlsx(download, out, clock));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Thử nghiệm');
    const row = sheet.getRow(2);
    expect([1, 2, 3, 4, 5, 6].map((column) => row.getCell(column).value)).toEqual([
      'HS-1',
      new Date('2026-11-20T00:00:00Z'),
      new Date('2026-11-20T08:30:00Z'),
      1234,
      0.9798,
      561_578_000,
    ]);
    expect([2, 3, 4, 5, 6].map((column) => row.getCell(column).numFmt)).toEqual([
      'dd/mm/yyyy',
      'dd/mm/yyyy hh:mm',
      '#,##0',
      '0.00%',
      '#,##0" ₫"',
    ]);
    expect(sheet.getRow(3).getCell(5).value).toBeNull();
  });

  it('writes CSV after a byte-order mark, times local, no data as an empty cell', async () => {
    const file = await collect((out) => writeCsv(download, out, clock));
    expect(file.toString('utf8')).toBe(
      '\uFEFFMã,Ngày,Thời điểm,Số lượng,Tỉ lệ,Số tiền\n' +
        'HS-1,2026-11-20,2026-11-20 08:30,1234,0.9798,561578000\n' +
        'HS-1,2026-11-20,2026-11-20 08:30,1234,,561578000\n',
    );
  });

  it.each([
    ['CSV', writeCsv],
    ['XLSX', writeXlsx],
  ])('stops reading rows when the client goes away (%s)', async (_, write) => {
    const released = { done: false };
    // Nobody reads: the stream fills up, the writer waits; then the client leaves.
    const out = new PassThrough();
    const writing = write({ spec: SPEC, rows: endless(released), fileName: 'x' }, out, clock);
    await new Promise((resolve) => setTimeout(resolve, 200));
    out.destroy();
    await expect(writing).rejects.toThrow('the download was abandoned');
    expect(released.done).toBe(true);
  });
});
