/**
 * What a browser needs of libs/domain (the dashboard): the response and socket contracts, the
 * named windows, how figures are written, rates, calendar days and time zones. Nothing reachable
 * from here at run time pulls zod or date-holidays (entry-points.spec.ts checks), so the wall's
 * bundle stays light; types may come from anywhere, they leave nothing behind.
 */
export type * from './contracts/api';
export * from './contracts/briefing';
export type * from './contracts/admin';
export { AUDIT_ACTIONS } from './contracts/admin';
export {
  DOSSIER_LIST_STATUSES,
  DOSSIER_SORT_COLUMNS,
  DOWNLOAD_FORMATS,
  USER_ROLES,
} from './contracts/api';
export * from './contracts/client-config';
export * from './contracts/live';
export type { Unit, UnitLevel } from './directory/directory';
export * from './format/display-format';
export { SCORE_COMPONENTS, type ScoreComponent } from './metrics/metric-settings';
export { rate } from './metrics/metrics';
export * from './metrics/score-gain';
export * from './metrics/ranking-reference';
export { previousWindow, WINDOWS, type TimeWindow, type WindowName } from './metrics/windows';
export { addDays, isoWeekday, startOfWeek, type LocalDate } from './time/local-date';
export * from './time/zone';
export * from './time/iso-week';
