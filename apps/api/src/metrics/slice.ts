import type { UnitLevel } from '@ioc/domain';

/**
 * Which dossiers a query covers and how they are grouped: by unit (a subtree, optionally one
 * row per ancestor at a level) or by agency (a set, optionally one row each).
 */
export type Slice =
  | { by: 'unit'; units?: readonly string[]; groupLevel?: UnitLevel }
  | { by: 'agency'; agencies?: readonly string[]; grouped?: boolean };

/** Collects positional parameters while a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** FROM/JOIN/WHERE pieces that apply a slice to a table with `unit_code` and `agency_code`. */
export function sliceSql(slice: Slice, table: string, alias: string, params: SqlParams) {
  if (slice.by === 'unit') {
    const join = slice.groupLevel
      ? `JOIN unit_ancestor g ON g.unit_code = ${alias}.unit_code AND g.ancestor_level = ${params.add(slice.groupLevel)}`
      : '';
    return {
      from: `${table} ${alias} ${join}`,
      key: slice.groupLevel ? 'g.ancestor_code' : `''`,
      where: slice.units ? `${alias}.unit_code = ANY(${params.add(slice.units)}::text[])` : 'true',
    };
  }
  return {
    from: `${table} ${alias}`,
    key: slice.grouped ? `${alias}.agency_code` : `''`,
    where: slice.agencies
      ? `${alias}.agency_code = ANY(${params.add(slice.agencies)}::text[])`
      : 'true',
  };
}
