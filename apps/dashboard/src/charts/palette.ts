/** Colours shared by the charts and the CSS (styles/tokens.css): dark, high contrast. */
export const palette = {
  text: '#f1f5f9',
  muted: '#9fb0c8',
  grid: 'rgba(159, 176, 200, 0.18)',
  panel: '#0f1a2e',
  background: '#070d1a',
  received: '#38bdf8',
  resolved: '#a78bfa',
  payments: '#34d399',
  good: '#22c55e',
  fair: '#f59e0b',
  bad: '#ef4444',
  none: '#475569',
} as const;

export const FONT_FAMILY = "'Be Vietnam Pro', 'Noto Sans', sans-serif";

/**
 * Colours by position among the province's ranked units, bottom fifth to top fifth: scores of a
 * province sit within a few points, so absolute bands would paint every unit the same. The
 * legend gives each colour's absolute range.
 */
export const POSITION_COLORS = ['#dc2626', '#ea580c', '#ca8a04', '#65a30d', '#15803d'] as const;

/** A unit's colour from its class (0 = bottom fifth … 4 = top fifth); none: not ranked. */
export function positionColor(positionClass: number | undefined): string {
  return positionClass === undefined ? palette.none : POSITION_COLORS[positionClass];
}
