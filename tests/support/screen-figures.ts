/**
 * Reads the wall's vi-VN text back into figures (SPEC §1: `561.578`, `97,98 %`, `76,6`,
 * `109,5 tỷ đồng`), so a browser test checks the screen against the REST API's numbers without
 * writing them through the product's own formatters: a figure matches when the text, read back,
 * is the number to the digits it shows.
 */
export type Figure =
  | { count: number }
  /** A rate from 0 to 1, shown in per cent with `digits` decimals; null is "no data". */
  | { percent: number | null; digits: 1 | 2 }
  /** One decimal, then `after` (` /100` for a score); null is "no data". */
  | { decimal: number | null; after?: string }
  | { vnd: number };

/** What a figure without data shows. */
export const NO_DATA = '—';

const VI_NUMBER = /^\d{1,3}(\.\d{3})*(,\d+)?$/;
// Longest name first: "tỷ đồng" also ends in "đồng".
const VND_UNITS: [string, number][] = [
  ['nghìn tỷ đồng', 1e12],
  ['tỷ đồng', 1e9],
  ['triệu đồng', 1e6],
  ['đồng', 1],
];

/** `561.578` → 561578, `97,98` → 97.98; NaN for anything not written the vi-VN way. */
export function viNumber(text: string): number {
  return VI_NUMBER.test(text) ? Number(text.replaceAll('.', '').replace(',', '.')) : Number.NaN;
}

const decimals = (text: string) => text.split(',')[1]?.length ?? 0;

/** `text` is `exact` written with `digits` decimals (rounded either way at a tie). */
function rounds(text: string, exact: number, digits: number): boolean {
  return decimals(text) === digits && Math.abs(viNumber(text) - exact) <= 0.5 / 10 ** digits + 1e-9;
}

/** Whether `text` is `figure` as the wall writes it, to the digits it shows. */
export function writes(text: string, figure: Figure): boolean {
  if ('count' in figure) return decimals(text) === 0 && viNumber(text) === figure.count;
  if ('percent' in figure) {
    if (figure.percent === null) return text === NO_DATA;
    return text.endsWith(' %') && rounds(text.slice(0, -2), figure.percent * 100, figure.digits);
  }
  if ('decimal' in figure) {
    const after = figure.after ?? '';
    if (!text.endsWith(after)) return false;
    const number = text.slice(0, text.length - after.length);
    return figure.decimal === null ? number === NO_DATA : rounds(number, figure.decimal, 1);
  }
  const unit = VND_UNITS.find(([name]) => text.endsWith(` ${name}`));
  if (!unit) return false;
  const [name, size] = unit;
  const number = text.slice(0, -name.length - 1);
  if (size === 1) return figure.vnd < 1e6 && writes(number, { count: figure.vnd });
  // One decimal of the largest unit the amount reaches, or of the next one when it rounds up
  // to a thousand of it (999,96 triệu is 1,0 tỷ).
  const reached = VND_UNITS.find(([, unitSize]) => figure.vnd >= unitSize)?.[1] ?? 1;
  return (size === reached || size === reached * 1000) && rounds(number, figure.vnd / size, 1);
}

/**
 * What a test expects in a cell that shows `text`: the text itself when it writes `figure` (or
 * is `figure`, a string), else a description of the figure, so `toEqual` names what differs.
 */
export function expectedCell(text: string | null | undefined, figure: Figure | string): string {
  if (typeof figure === 'string') return figure;
  return text !== null && text !== undefined && writes(text, figure)
    ? text
    : `≈ ${JSON.stringify(figure)}`;
}
