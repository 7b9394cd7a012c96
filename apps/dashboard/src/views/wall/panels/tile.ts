export type Tone = 'good' | 'fair' | 'bad' | 'muted';

export interface TileStat {
  key: string;
  label: string;
  value: string;
  tone?: Tone;
}

export interface TileBadge {
  text: string;
  tone: Tone;
}

/** "109,5 tỷ đồng" → big "109,5", small "tỷ đồng"; "97,98 %" → "97,98" and "%". */
export function splitFigure(text: string): { figure: string; unit: string } {
  const space = text.indexOf(' ');
  return space < 0
    ? { figure: text, unit: '' }
    : { figure: text.slice(0, space), unit: text.slice(space + 1) };
}
