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
 * The changes of the dossier rows of `source` (a table or CTE with `dossier`'s columns, alias
 * `d`) that `where` keeps, by local day in `zone`, times `sign` (all SQL).
 */
function changesOf(source: string, where: string, zone: string, sign = '1'): string {
  return `
    SELECT (c.at AT TIME ZONE ${zone})::date AS day, d.unit_code, d.agency_code,
           ${sign} * c.in_progress AS in_progress, ${sign} * c.overdue AS overdue
      FROM ${source} d CROSS JOIN LATERAL (
        SELECT lower(d.open_range) AS at, 1 AS in_progress, 0 AS overdue WHERE NOT isempty(d.open_range)
        UNION ALL
        SELECT upper(d.open_range), -1, 0 WHERE NOT isempty(d.open_range) AND NOT upper_inf(d.open_range)
        UNION ALL
        SELECT lower(r), 0, 1 FROM unnest(d.overdue) r
        UNION ALL
        SELECT upper(r), 0, -1 FROM unnest(d.overdue) r WHERE NOT upper_inf(r)) c
     WHERE ${where}`;
}

/** Changes summed by day, unit and agency, into the table; days left unchanged are not touched. */
const addUp = (changes: string) => `
  INSERT INTO in_progress_change (day, unit_code, agency_code, in_progress, overdue)
  SELECT day, unit_code, agency_code, sum(in_progress)::int, sum(overdue)::int
    FROM (${changes}) AS changes
   GROUP BY 1, 2, 3 HAVING sum(in_progress) <> 0 OR sum(overdue) <> 0
  ON CONFLICT (day, unit_code, agency_code) DO UPDATE
    SET in_progress = in_progress_change.in_progress + excluded.in_progress,
        overdue = in_progress_change.overdue + excluded.overdue`;

/**
 * Moves the changes of dossiers about to be replaced: those of their stored rows (`$1`, ids)
 * taken away, those of their new rows (`new_dossier`, a CTE of the same statement) added, in
 * `$2` (the zone). Every part of a statement sees the tables as they were before it, so the
 * statement may also write the new rows.
 */
export const MOVE_REPLACED_CHANGES = addUp(`
  ${changesOf('dossier', 'd.dossier_id = ANY($1::text[])', '$2', '-1')}
  UNION ALL
  ${changesOf('new_dossier', 'true', '$2')}`);

/** Takes away the changes of the stored rows of the dossiers `$1` (ids), in `$2` (the zone). */
export const REMOVE_CHANGES = addUp(
  changesOf('dossier', 'd.dossier_id = ANY($1::text[])', '$2', '-1'),
);

/** Every dossier's changes, into the emptied table (a rebuild, or the migration that made it). */
export const SUM_IN_PROGRESS_CHANGES = (zone: string) => addUp(changesOf('dossier', 'true', zone));
