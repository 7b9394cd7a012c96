/**
 * The briefing's PDF, two ways (issue 10), on the same briefing (Đồng Nai's 95 communes):
 *  (a) headless Chromium printing the slide view (BriefingPrinter, what the API uses);
 *  (b) ECharts rendered to SVG on the server, laid out with pdfkit + svg-to-pdfkit.
 * For each: wall time of the first (cold) and a second file, peak memory (this process plus its
 * children, PSS, sampled every 50 ms; the bench's own ts-node process included), and what `pdftotext` reads back of Vietnamese text.
 * (b) is a measurement prototype (headline page, trend chart, the form), not the product.
 * Needs the built dashboard: npm run build:dashboard.
 *   ts-node --transpile-only -r tsconfig-paths/register tests/bench/briefing-pdf-bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import type { PrintedBriefing } from '@ioc/domain';
import { formatCount, formatRate, formColumns } from '@ioc/domain';
import { BriefingPrinter } from '../../apps/api/src/briefing/briefing-printer';
import { sampleBriefing } from '../support/briefing-sample';
import { cpuMs, loadAverage, machine } from './process-usage';

// svg-to-pdfkit ships no types: (doc, svg, x, y, options).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SVGtoPDF = require('svg-to-pdfkit') as (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options?: { width?: number; height?: number; fontCallback?: () => string },
) => void;

const ROOT = join(__dirname, '../..');
const FONTS = join(ROOT, 'node_modules/@fontsource/be-vietnam-pro/files');
const PROBES = ['Tiếp nhận', 'Đúng hạn', 'Phường Biên Hòa', 'Tỉ lệ đúng hạn', 'Phường Trấn Biên'];

/** Proportional memory (PSS: shared pages split between their users) of a process, in bytes. */
function pss(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** This process and every descendant (Chromium's). */
function processTree(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Memory of the tree, PSS, in bytes. */
const treeRss = () => processTree().reduce((total, pid) => total + pss(pid), 0);

/** CPU time (user + system) the tree's living processes have used, in ms. */
const treeCpuMs = () => processTree().reduce((total, pid) => total + cpuMs(pid), 0);

async function measure(make: () => Promise<Buffer>) {
  let peak = treeRss();
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss())), 200);
  const cpuBefore = treeCpuMs();
  const started = performance.now();
  const pdf = await make();
  const ms = performance.now() - started;
  clearInterval(sampler);
  // Chromium stays up between files: its CPU is still counted here.
  const cpu = treeCpuMs() - cpuBefore;
  return { pdf, ms, cpuMs: cpu, peakMb: Math.max(peak, treeRss()) / 2 ** 20 };
}

function readBack(pdf: Buffer, name: string) {
  const file = join(tmpdir(), `briefing-bench-${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  return {
    file,
    pages,
    found: PROBES.filter((probe) => text.includes(probe)),
    missing: PROBES.filter((probe) => !text.includes(probe)),
    fonts: [...new Set(fonts)].join(', '),
  };
}

/** (b): ECharts SSR → SVG → svg-to-pdfkit, text and the form table drawn with pdfkit. */
async function pdfkitBriefing({ briefing }: PrintedBriefing, font: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: [1440, 810], margin: 40, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.registerFont('body', font);
  doc.font('body').fontSize(32).text(`Giao ban tuần ${briefing.week} — ${briefing.scopeName}`);
  doc.fontSize(24);
  doc.text(`Tiếp nhận: ${formatCount(briefing.current.received.total)}`);
  doc.text(`Đúng hạn: ${formatCount(briefing.current.resolved.onTime)}`);
  doc.text(`Tỉ lệ đúng hạn: ${formatRate(briefing.current.rates.onTime)}`);
  doc.addPage({ size: [1440, 810], margin: 40 });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1360, height: 700 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Be Vietnam Pro' },
    legend: {},
    xAxis: { type: 'category', data: briefing.trend.map((week) => week.week) },
    yAxis: [{ type: 'value' }, { type: 'value', max: 100 }],
    series: [
      { name: 'Tiếp nhận', type: 'bar', data: briefing.trend.map((week) => week.received) },
      { name: 'Đã giải quyết', type: 'bar', data: briefing.trend.map((week) => week.resolved) },
      {
        name: 'Tỉ lệ đúng hạn',
        type: 'line',
        yAxisIndex: 1,
        data: briefing.trend.map((week) => (week.onTimeRate ?? 0) * 100),
      },
    ],
  });
  SVGtoPDF(doc, chart.renderToSVGString(), 40, 60, { fontCallback: () => 'body' });
  chart.dispose();
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 28 });
  doc.fontSize(8);
  for (const row of briefing.form.rows) {
    if (doc.y > 560) doc.addPage({ size: 'A4', layout: 'landscape', margin: 28 });
    const y = doc.y;
    doc.text(row.label, 28, y, { width: 200, lineBreak: false });
    const cells = formColumns(row);
    cells.forEach((value, index) =>
      doc.text(formatCount(value), 240 + index * 52, y, {
        width: 48,
        align: 'right',
        lineBreak: false,
      }),
    );
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}

async function main(): Promise<void> {
  console.log(machine(), '; load average', loadAverage());
  const printed = sampleBriefing('dong-nai-2025');
  const approach = process.argv[2] ?? 'all';
  if (approach === 'all' || approach === 'chromium') {
    const printer = new BriefingPrinter({
      dashboardDir: join(ROOT, 'dist/dashboard'),
      chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    const idle = treeRss() / 2 ** 20;
    const cold = await measure(() => printer.print(printed, 'vi'));
    const warm = await measure(() => printer.print(printed, 'vi'));
    console.log('(a) chromium', {
      processMbBefore: Math.round(idle),
      coldMs: Math.round(cold.ms),
      coldCpuMs: Math.round(cold.cpuMs),
      secondMs: Math.round(warm.ms),
      secondCpuMs: Math.round(warm.cpuMs),
      peakMb: Math.round(Math.max(cold.peakMb, warm.peakMb)),
      bytes: cold.pdf.length,
      ...readBack(cold.pdf, 'chromium'),
    });
    await printer.close();
  }
  if (approach === 'all' || approach === 'pdfkit') {
    // Fontsource splits the face by script: Latin letters in one file, Vietnamese ones in another.
    const idle = treeRss() / 2 ** 20;
    for (const subset of ['latin', 'vietnamese']) {
      const font = join(FONTS, `be-vietnam-pro-${subset}-400-normal.woff`);
      const cold = await measure(() => pdfkitBriefing(printed, font));
      const warm = await measure(() => pdfkitBriefing(printed, font));
      console.log(`(b) pdfkit, the ${subset} subset`, {
        processMbBefore: Math.round(idle),
        coldMs: Math.round(cold.ms),
        coldCpuMs: Math.round(cold.cpuMs),
        secondMs: Math.round(warm.ms),
        secondCpuMs: Math.round(warm.cpuMs),
        peakMb: Math.round(Math.max(cold.peakMb, warm.peakMb)),
        bytes: cold.pdf.length,
        ...readBack(cold.pdf, `pdfkit-${subset}`),
      });
    }
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
