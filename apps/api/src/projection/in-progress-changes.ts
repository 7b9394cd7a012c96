/**
 * `in_progress_change`: per local day, unit and agency, how many dossiers came into progress less
 * those that left it that day, and the same for overdue. Summed over the days before a day, they
 * are the counts at that day's first instant (where every named window, and so every ranking's
 * previous window, ends) from a few rows a day, however many dossiers were open then.
 *
 * A dossier's open range and each of its overdue ranges are `(lower, upper]` (`afterUntil`), so
 * one holds at the first instant of day D exactly when its lower bound's day is before D and its
 * upper bound's is not: +1 on the day of the lower bound, -1 on the day of the upper one.
 */
/**
 * The changes of the `dossier` rows that `where` keeps (alias `d`), by local day in `zone` (both
 * SQL: a condition and a parameter or literal).
 */
export function inProgressChangesOf(where: string, zone: string): string {
  return `
    SELECT (c.at AT TIME ZONE ${zone})::date AS day, d.unit_code, d.agency_code,
           sum(c.in_progress)::int AS in_progress, sum(c.overdue)::int AS overdue
      FROM dossier d CROSS JOIN LATERAL (
        SELECT lower(d.open_range) AS at, 1 AS in_progress, 0 AS overdue WHERE NOT isempty(d.open_range)
        UNION ALL
        SELECT upper(d.open_range), -1, 0 WHERE NOT isempty(d.open_range) AND NOT upper_inf(d.open_range)
        UNION ALL
        SELECT lower(r), 0, 1 FROM unnest(d.overdue) r
        UNION ALL
        SELECT upper(r), 0, -1 FROM unnest(d.overdue) r WHERE NOT upper_inf(r)) c
     WHERE ${where}
     GROUP BY 1, 2, 3`;
}

/** Adds (sign 1) or takes away (sign -1) the changes of the dossiers `$1` (ids); `$2` the sign, `$3` the zone. */
export const MOVE_IN_PROGRESS_CHANGES = `
  INSERT INTO in_progress_change (day, unit_code, agency_code, in_progress, overdue)
  SELECT day, unit_code, agency_code, $2 * in_progress, $2 * overdue
    FROM (${inProgressChangesOf('d.dossier_id = ANY($1::text[])', '$3')}) AS changes
  ON CONFLICT (day, unit_code, agency_code) DO UPDATE
    SET in_progress = in_progress_change.in_progress + excluded.in_progress,
        overdue = in_progress_change.overdue + excluded.overdue`;

/** Every dossier's changes, into the emptied table (a rebuild, or the migration that made it). */
export const SUM_IN_PROGRESS_CHANGES = (zone: string) => `
  INSERT INTO in_progress_change (day, unit_code, agency_code, in_progress, overdue)
  ${inProgressChangesOf('true', zone)}`;
