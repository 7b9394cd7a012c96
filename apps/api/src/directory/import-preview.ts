import {
  agencySchema,
  type ImportProblemReason,
  type ImportProblemRow,
  procedureSchema,
  unitSchema,
  type Agency,
  type Directory,
  type Procedure,
  type Unit,
} from '@ioc/domain';
import { z } from 'zod';
import { DirectorySnapshot } from './directory-snapshot';

export type DirectorySection = 'units' | 'agencies' | 'procedures';
export const SECTIONS: readonly DirectorySection[] = ['units', 'agencies', 'procedures'];

/** One thing wrong with an import, tied to the row of the file that holds it when there is one. */
export type ImportProblem = ImportProblemRow;

/** What a problem says besides where it is: the reason, the field at fault, their parameters. */
type Finding = Pick<ImportProblem, 'reason' | 'field' | 'params' | 'message'>;

const finding = (
  reason: ImportProblemReason,
  field: string | null,
  params: Finding['params'],
  message: string,
): Finding => ({ reason, field, params, message });

/** A schema's complaint as a stable reason with its parameters (the screen translates it). */
function findingOf(issue: z.core.$ZodIssue, raw: unknown): Finding {
  const found = schemaFinding(issue, raw);
  return { ...found, message: `${found.field ?? 'row'}: ${found.message}` };
}

function schemaFinding(issue: z.core.$ZodIssue, raw: unknown): Finding {
  const field = issue.path.length ? issue.path.join('.') : null;
  const value = field === null ? raw : (raw as Record<string, unknown> | null)?.[field];
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return finding('required', field, {}, 'is required');
      if (issue.expected === 'int')
        return finding('notInteger', field, {}, 'must be a whole number');
      return finding(
        'wrongType',
        field,
        { expected: issue.expected },
        `must be a ${issue.expected}`,
      );
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return finding('empty', field, {}, 'must not be empty');
      return finding(
        'tooSmall',
        field,
        { minimum: Number(issue.minimum) },
        `must be at least ${issue.minimum}`,
      );
    case 'too_big':
      if (issue.origin === 'string')
        return finding(
          'tooLong',
          field,
          { maximum: Number(issue.maximum) },
          `must have at most ${issue.maximum} characters`,
        );
      return finding(
        'tooLarge',
        field,
        { maximum: Number(issue.maximum) },
        `must be at most ${issue.maximum}`,
      );
    case 'invalid_value': {
      const options = issue.values.map(String).join(', ');
      return finding('notOneOf', field, { options }, `must be one of ${options}`);
    }
    default:
      return finding('invalid', field, {}, issue.message);
  }
}

export interface SectionChanges {
  added: string[];
  changed: { code: string; fields: string[] }[];
  unchanged: number;
}

/**
 * What an import would do, worked out before anything is written. An import adds and updates
 * entries by code; it never removes one (dossiers and events refer to them).
 */
export interface ImportPreview {
  valid: boolean;
  rows: Record<DirectorySection, number>;
  problems: ImportProblem[];
  changes: Record<DirectorySection, SectionChanges>;
  /** The entries to write, when valid. */
  directory: Directory;
}

/** The row numbers of each section's entries (CSV lines); by default their positions from 1. */
export type RowNumbers = Partial<Record<DirectorySection, number[]>>;

const shell = z.object({
  units: z.array(z.unknown()).default([]),
  agencies: z.array(z.unknown()).default([]),
  procedures: z.array(z.unknown()).default([]),
});

const schemas = { units: unitSchema, agencies: agencySchema, procedures: procedureSchema };
const singular: Record<DirectorySection, string> = {
  units: 'unit',
  agencies: 'agency',
  procedures: 'procedure',
};

type Entry = Unit | Agency | Procedure;

/**
 * Checks every row on its own (a bad row never hides the others), then the directory the import
 * would leave (one tree, known parents, units and agencies), and compares it with `current`.
 * A body that is not `{ units?, agencies?, procedures? }` with arrays is a problem of its own.
 */
export function previewImport(
  input: unknown,
  current: Directory,
  rowNumbers: RowNumbers = {},
): ImportPreview {
  const problems: ImportProblem[] = [];
  const incoming: Directory = { units: [], agencies: [], procedures: [] };
  const rowOf: Record<DirectorySection, Map<string, number>> = {
    units: new Map(),
    agencies: new Map(),
    procedures: new Map(),
  };
  const parsed = shell.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const section = SECTIONS.find((name) => name === issue.path[0]);
      problems.push({
        section: section ?? 'units',
        row: null,
        code: null,
        ...(section
          ? finding('notAList', section, {}, `${section}: must be a list`)
          : finding(
              'notAnObject',
              null,
              {},
              'the file must be an object { units, agencies, procedures }',
            )),
      });
    }
    return {
      valid: false,
      rows: counts(incoming),
      problems,
      changes: noChanges(),
      directory: incoming,
    };
  }
  for (const section of SECTIONS) {
    parsed.data[section].forEach((raw, index) => {
      const row = rowNumbers[section]?.[index] ?? index + 1;
      const result = schemas[section].safeParse(raw);
      if (!result.success) {
        const code = codeOf(raw);
        for (const issue of result.error.issues)
          problems.push({ section, row, code, ...findingOf(issue, raw) });
        return;
      }
      const entry = result.data;
      const earlier = rowOf[section].get(entry.code);
      if (earlier !== undefined) {
        problems.push({
          section,
          row,
          code: entry.code,
          ...finding(
            'duplicate',
            'code',
            { firstRow: earlier },
            `appears twice (rows ${earlier} and ${row})`,
          ),
        });
        return;
      }
      rowOf[section].set(entry.code, row);
      (incoming[section] as Entry[]).push(entry);
    });
  }
  const merged = new DirectorySnapshot({
    units: mergeByCode(current.units, incoming.units),
    agencies: mergeByCode(current.agencies, incoming.agencies),
    procedures: mergeByCode(current.procedures, incoming.procedures),
  });
  for (const problem of consistencyProblems(merged)) {
    problems.push({
      ...problem,
      row: problem.code === null ? null : (rowOf[problem.section].get(problem.code) ?? null),
    });
  }
  return {
    valid: problems.length === 0,
    rows: {
      units: parsed.data.units.length,
      agencies: parsed.data.agencies.length,
      procedures: parsed.data.procedures.length,
    },
    problems,
    changes: {
      units: compare(current.units, incoming.units),
      agencies: compare(current.agencies, incoming.agencies),
      procedures: compare(current.procedures, incoming.procedures),
    },
    directory: incoming,
  };
}

/** A problem as one line, as the import's 400 answer lists them. */
export function describeProblem({ section, row, code, message }: ImportProblem): string {
  if (code !== null) return `${singular[section]} ${code}: ${message}`;
  return row === null ? message : `${section} row ${row}: ${message}`;
}

function codeOf(raw: unknown): string | null {
  const code = (raw as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.trim() ? code.trim() : null;
}

function counts(directory: Directory): Record<DirectorySection, number> {
  return {
    units: directory.units.length,
    agencies: directory.agencies.length,
    procedures: directory.procedures.length,
  };
}

function noChanges(): Record<DirectorySection, SectionChanges> {
  const none = (): SectionChanges => ({ added: [], changed: [], unchanged: 0 });
  return { units: none(), agencies: none(), procedures: none() };
}

function mergeByCode<T extends { code: string }>(current: T[], incoming: T[]): T[] {
  const byCode = new Map(current.map((entry) => [entry.code, entry]));
  for (const entry of incoming) byCode.set(entry.code, entry);
  return [...byCode.values()];
}

/** Which entries are new, which differ (and in which fields), how many are the same. */
function compare<T extends { code: string }>(current: T[], incoming: T[]): SectionChanges {
  const byCode = new Map(current.map((entry) => [entry.code, entry]));
  const changes: SectionChanges = { added: [], changed: [], unchanged: 0 };
  for (const entry of incoming) {
    const before = byCode.get(entry.code);
    if (!before) {
      changes.added.push(entry.code);
      continue;
    }
    const fields = [...new Set([...Object.keys(before), ...Object.keys(entry)])].filter(
      (field) =>
        (before as Record<string, unknown>)[field] !== (entry as Record<string, unknown>)[field],
    );
    if (fields.length) changes.changed.push({ code: entry.code, fields });
    else changes.unchanged += 1;
  }
  return changes;
}

/** What would make the merged directory unusable: it must stay one tree of known units. */
function consistencyProblems(directory: DirectorySnapshot): Omit<ImportProblem, 'row'>[] {
  const problems: Omit<ImportProblem, 'row'>[] = [];
  const problem = (section: DirectorySection, code: string | null, found: Finding) =>
    problems.push({ section, code, ...found });
  const roots = [...directory.units.values()].filter((u) => u.parentCode === null);
  if (directory.units.size > 0 && roots.length !== 1) {
    problem(
      'units',
      null,
      finding(
        'provinceCount',
        'parentCode',
        { found: roots.length },
        `units: exactly one unit without parentCode (the province) is needed, found ${roots.length}`,
      ),
    );
  }
  for (const unit of directory.units.values()) {
    if (unit.parentCode !== null && !directory.units.has(unit.parentCode)) {
      const { parentCode } = unit;
      problem(
        'units',
        unit.code,
        finding('unknownParent', 'parentCode', { parentCode }, `unknown parentCode ${parentCode}`),
      );
    } else if ((unit.level === 'province') !== (unit.parentCode === null)) {
      problem(
        'units',
        unit.code,
        finding('onlyProvinceWithoutParent', 'parentCode', {}, 'only the province has no parent'),
      );
    }
  }
  for (const unit of directory.units.values()) {
    const seen = new Set<string>();
    for (let up = unit; up.parentCode !== null; up = directory.units.get(up.parentCode) ?? up) {
      if (seen.has(up.code) || !directory.units.has(up.parentCode)) {
        if (seen.has(up.code))
          problem(
            'units',
            unit.code,
            finding('parentLoop', 'parentCode', {}, 'its parents form a loop'),
          );
        break;
      }
      seen.add(up.code);
    }
  }
  for (const agency of directory.agencies.values()) {
    if (!directory.units.has(agency.unitCode)) {
      const { unitCode } = agency;
      problem(
        'agencies',
        agency.code,
        finding('unknownUnit', 'unitCode', { unitCode }, `unknown unitCode ${unitCode}`),
      );
    }
  }
  for (const procedure of directory.procedures.values()) {
    if (procedure.agencyCode && !directory.agencies.has(procedure.agencyCode)) {
      const { agencyCode } = procedure;
      problem(
        'procedures',
        procedure.code,
        finding('unknownAgency', 'agencyCode', { agencyCode }, `unknown agencyCode ${agencyCode}`),
      );
    }
  }
  return problems;
}
