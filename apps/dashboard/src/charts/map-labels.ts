/** A rough width of a label at `fontPx`: enough to tell whether it fits its cell, never cut. */
export const textWidth = (text: string, fontPx: number) => text.length * fontPx * 0.58;

/** A name on one line, or split at the space nearest its middle onto two. */
function nameLines(name: string, roomPx: number, fontPx: number): string[] | null {
  if (textWidth(name, fontPx) <= roomPx) return [name];
  const spaces = [...name.matchAll(/ /g)].map((match) => match.index);
  if (spaces.length === 0) return null;
  const middle = spaces.reduce((best, at) =>
    Math.abs(at - name.length / 2) < Math.abs(best - name.length / 2) ? at : best,
  );
  const lines = [name.slice(0, middle), name.slice(middle + 1)];
  return lines.every((line) => textWidth(line, fontPx) <= roomPx) ? lines : null;
}

export interface CellLabel {
  name: string;
  /** The score written out, or '' when it has none to show. */
  score: string;
  /** Room inside the cell, px: its width and height less a margin. */
  width: number;
  height: number;
  nameFont: number;
  scoreFont: number;
  lineHeight: number;
}

/**
 * What fits in a map cell, as ECharts rich text: the name (one or two lines) and the score, the
 * score alone, or nothing. Never a label wider or taller than its cell, so none overlap.
 */
export function cellLabel(cell: CellLabel): string {
  const scoreFits =
    cell.score !== '' &&
    textWidth(cell.score, cell.scoreFont) <= cell.width &&
    cell.lineHeight <= cell.height;
  const lines = nameLines(cell.name, cell.width, cell.nameFont);
  if (lines) {
    const total = (lines.length + (scoreFits ? 1 : 0)) * cell.lineHeight;
    if (total <= cell.height) {
      const name = lines.map((line) => `{name|${line}}`).join('\n');
      return scoreFits ? `${name}\n{score|${cell.score}}` : name;
    }
  }
  return scoreFits ? `{score|${cell.score}}` : '';
}
