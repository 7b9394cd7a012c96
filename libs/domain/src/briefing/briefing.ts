import type { BriefingFormRow, BriefingTarget, BriefingTargetName } from '../contracts/briefing';
import type { MetricsSummary } from '../contracts/api';
import type { Unit, UnitLevel } from '../directory/directory';

/**
 * The version of the definitions a frozen briefing was computed with (SPEC §4 and the form's
 * columns below). Raise it when a definition changes: a kept week says which it followed.
 */
export const BRIEFING_DEFINITIONS_VERSION = 1;

/** Weeks in a briefing's trend, this one included. */
export const BRIEFING_TREND_WEEKS = 8;

/**
 * The form's counts for one group of dossiers (a unit, a field) and the week `[from, to)`, each
 * against SPEC §4:
 * - `online`, `directOrPostal`: received in the window (`receivedAt` in it), by channel;
 * - `carriedOver`: in progress at `from` (received before it, neither resolved nor withdrawn);
 * - `early`: resolved in the window on a local day before the due day; `onTime`: resolved in
 *   the window with `resolvedAt ≤ dueAt`, early ones included (§4's onTime); `late`: the rest;
 * - `inProgress`: in progress at `to`; `overdue`: of those, not paused and past the due date.
 *   Within the deadline is every other one, paused ones included (a paused dossier's clock stops).
 * A dossier withdrawn in the window is in the received columns and in neither of the others,
 * so received.total need not equal resolved.total + inProgress.total.
 */
export interface FormCounts {
  online: number;
  directOrPostal: number;
  carriedOver: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  overdue: number;
}

export function zeroFormCounts(): FormCounts {
  return {
    online: 0,
    directOrPostal: 0,
    carriedOver: 0,
    early: 0,
    onTime: 0,
    late: 0,
    inProgress: 0,
    overdue: 0,
  };
}

export function addFormCounts(target: FormCounts, source: Partial<FormCounts>): FormCounts {
  for (const name of Object.keys(target) as (keyof FormCounts)[]) target[name] += source[name] ?? 0;
  return target;
}

/** A form row from its counts: `onTime` becomes on time but not early, so the columns add up. */
export function formRowOf(
  row: Pick<BriefingFormRow, 'label' | 'unitCode' | 'field' | 'kind'>,
  c: FormCounts,
): BriefingFormRow {
  return {
    ...row,
    received: {
      total: c.online + c.directOrPostal + c.carriedOver,
      online: c.online,
      directOrPostal: c.directOrPostal,
      carriedOver: c.carriedOver,
    },
    resolved: {
      total: c.onTime + c.late,
      early: c.early,
      onTime: c.onTime - c.early,
      late: c.late,
    },
    inProgress: {
      total: c.inProgress,
      withinDeadline: c.inProgress - c.overdue,
      overdue: c.overdue,
    },
  };
}

/** What the form needs of the directory. */
export interface FormTree {
  readonly units: ReadonlyMap<string, Unit>;
  subtree(code: string): readonly string[];
}

const OWN_LEVEL_LABEL: Record<UnitLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

const collator = new Intl.Collator('vi');

/**
 * The rows of Biểu II.06a for a scope, from counts per unit and field (lĩnh vực): the scope first;
 * then, when it has units below it, its own desks' dossiers (cấp tỉnh) and each unit right below
 * it (with everything below that unit), each followed by its fields; a scope with no unit below
 * it is followed by its fields directly. Units and fields in Vietnamese alphabetical order.
 */
export function formRowsOf(
  scopeCode: string,
  tree: FormTree,
  byUnitAndField: ReadonlyMap<string, ReadonlyMap<string, FormCounts>>,
): BriefingFormRow[] {
  const scope = tree.units.get(scopeCode);
  if (!scope) throw new Error(`unknown unit ${scopeCode}`);
  const fieldsOf = (units: readonly string[]) => {
    const byField = new Map<string, FormCounts>();
    for (const unit of units) {
      for (const [field, counts] of byUnitAndField.get(unit) ?? []) {
        byField.set(field, addFormCounts(byField.get(field) ?? zeroFormCounts(), counts));
      }
    }
    return byField;
  };
  const total = (byField: ReadonlyMap<string, FormCounts>) => {
    const sum = zeroFormCounts();
    for (const counts of byField.values()) addFormCounts(sum, counts);
    return sum;
  };
  const withFields = (
    row: Pick<BriefingFormRow, 'label' | 'unitCode' | 'kind'>,
    units: readonly string[],
  ) => {
    const byField = fieldsOf(units);
    // A field whose dossiers only paid or were rated this week has nothing to report.
    const fields = [...byField.keys()]
      .filter((field) => Object.values(byField.get(field) ?? {}).some((count) => count !== 0))
      .sort(collator.compare);
    return [
      formRowOf({ ...row, field: null }, total(byField)),
      ...fields.map((field) =>
        formRowOf(
          { label: field, unitCode: row.unitCode, field, kind: 'field' },
          byField.get(field) ?? zeroFormCounts(),
        ),
      ),
    ];
  };
  const children = [...tree.units.values()]
    .filter((unit) => unit.parentCode === scopeCode)
    .sort((a, b) => collator.compare(a.name, b.name));
  if (children.length === 0) {
    return withFields({ label: scope.name, unitCode: scope.code, kind: 'scope' }, [scope.code]);
  }
  const scopeRow = formRowOf(
    { label: scope.name, unitCode: scope.code, field: null, kind: 'scope' },
    total(fieldsOf(tree.subtree(scopeCode))),
  );
  return [
    scopeRow,
    ...withFields({ label: OWN_LEVEL_LABEL[scope.level], unitCode: scope.code, kind: 'own' }, [
      scope.code,
    ]),
    ...children.flatMap((child) =>
      withFields(
        { label: child.name, unitCode: child.code, kind: 'unit' },
        tree.subtree(child.code),
      ),
    ),
  ];
}

const TARGET_NAMES: readonly BriefingTargetName[] = ['onTime', 'satisfaction', 'online', 'apology'];

/** The targets of SPEC §4 with the week's value: met, missed, or null without data. */
export function briefingTargetsOf(summary: MetricsSummary): BriefingTarget[] {
  return TARGET_NAMES.map((name) => {
    const { target, actual, met } = summary.targets[name];
    return { name, target, value: actual, met };
  });
}

/**
 * JSON with every object's keys sorted, no spaces: the same figures always give the same text,
 * whatever order they were built or stored in (jsonb reorders keys), so their checksum is stable.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}
