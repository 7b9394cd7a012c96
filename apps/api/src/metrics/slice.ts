/**
 * Which dossiers a query covers and how they are grouped: by unit (a subtree, optionally one row
 * per unit; ranked units sum theirs up the tree in memory) or by agency (a set, optionally one
 * row each).
 */
export type Slice =
  | { by: 'unit'; units?: readonly string[]; grouped?: boolean }
  | { by: 'agency'; agencies?: readonly string[]; grouped?: boolean };

/** Collects positional parameters while a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** FROM/WHERE pieces and the group key that apply a slice to a table with `unit_code` and `agency_code`. */
export function sliceSql(slice: Slice, table: string, alias: string, params: SqlParams) {
  const code = slice.by === 'unit' ? 'unit_code' : 'agency_code';
  const codes = slice.by === 'unit' ? slice.units : slice.agencies;
  return {
    from: `${table} ${alias}`,
    key: slice.grouped ? `${alias}.${code}` : `''`,
    where: codes ? `${alias}.${code} = ANY(${params.add(codes)}::text[])` : 'true',
  };
}
