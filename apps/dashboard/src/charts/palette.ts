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

/** Service-index score bands (out of 100), the same on the map, the ranking and the legend. */
export const SCORE_BANDS = [
  { key: 'high', min: 85, color: '#16a34a' },
  { key: 'good', min: 70, color: '#65a30d' },
  { key: 'fair', min: 50, color: '#d97706' },
  { key: 'low', min: -Infinity, color: '#dc2626' },
] as const;

export function scoreColor(score: number | null): string {
  if (score === null) return palette.none;
  return SCORE_BANDS.find((band) => score >= band.min)!.color;
}
