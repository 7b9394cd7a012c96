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

/** The headline against the period of the same length just before, written out. */
export interface TileChange {
  text: string;
  tone: Tone;
}

/** One headline tile on the wall, already formatted. */
export interface TileDescription {
  /** Names its test ids: `tile-<id>`, `tile-<id>-value`, `tile-<id>-<stat key>`. */
  id: string;
  label: string;
  /** The headline figure; "—" when there is no data. */
  value?: string;
  tone?: Tone;
  badge?: TileBadge | null;
  stats: TileStat[];
  /** Against the previous period; null until it is read (the line keeps its place). */
  change?: TileChange | null;
  /** No headline: the stats are the figures (staffing). */
  statsOnly?: boolean;
}

/** "109,5 tỷ đồng" → big "109,5", small "tỷ đồng"; "97,98 %" → "97,98" and "%". */
export function splitFigure(text: string): { figure: string; unit: string } {
  const space = text.indexOf(' ');
  return space < 0
    ? { figure: text, unit: '' }
    : { figure: text.slice(0, space), unit: text.slice(space + 1) };
}
