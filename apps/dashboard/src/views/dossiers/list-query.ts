import type { DossierListParams } from '@/api/workspace-api';

export const LIST_STATUSES = ['inProgress', 'overdue', 'dueSoon', 'paused'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const LIST_PAGE_SIZE = 50;

/** What the dossier list shows, all of it in the URL so a deep link survives a reload. */
export interface ListQuery {
  status: ListStatus;
  dueOn: string | null;
  q: string;
  /** `column:direction[,column:direction]`, as the API takes it. */
  sort: string;
  page: number;
  /** One agency's dossiers (an agency's "see all"), instead of the unit's. */
  agency: string | null;
}

/** Worst first for overdue dossiers; soonest due first for every other list. */
export function defaultSort(status: ListStatus): string {
  return status === 'overdue'
    ? 'overdueDays:desc,dueAt:asc,dossierId:asc'
    : 'dueAt:asc,dossierId:asc';
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function listQueryFrom(query: Record<string, unknown>): ListQuery {
  const status = (LIST_STATUSES as readonly string[]).includes(text(query.status))
    ? (query.status as ListStatus)
    : 'inProgress';
  const dueOn = /^\d{4}-\d{2}-\d{2}$/.test(text(query.dueOn)) ? text(query.dueOn) : null;
  const page = Number.parseInt(text(query.page), 10);
  return {
    status,
    dueOn,
    q: text(query.q).trim(),
    sort: /^[a-zA-Z]+:(asc|desc)(,[a-zA-Z]+:(asc|desc))*$/.test(text(query.sort))
      ? text(query.sort)
      : defaultSort(status),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    agency: text(query.agency) || null,
  };
}

/** The URL's query: only what differs from the defaults. */
export function listQueryTo(list: ListQuery): Record<string, string> {
  const query: Record<string, string> = { status: list.status };
  if (list.dueOn) query.dueOn = list.dueOn;
  if (list.q) query.q = list.q;
  if (list.sort !== defaultSort(list.status)) query.sort = list.sort;
  if (list.page > 1) query.page = String(list.page);
  if (list.agency) query.agency = list.agency;
  return query;
}

/** The API's parameters for a unit's list (or an agency's, when the query names one). */
export function listParams(unitCode: string, list: ListQuery): DossierListParams {
  return {
    ...(list.agency ? { agency: list.agency } : { scope: unitCode }),
    status: list.status,
    dueOn: list.dueOn ?? undefined,
    q: list.q || undefined,
    sort: list.sort,
    page: list.page,
    pageSize: LIST_PAGE_SIZE,
  };
}

/** The first column of a sort and its direction (what the table marks). */
export function primarySort(sort: string): { column: string; direction: 'asc' | 'desc' } | null {
  const [column, direction] = sort.split(',')[0]?.split(':') ?? [];
  return column && (direction === 'asc' || direction === 'desc') ? { column, direction } : null;
}

/** Sorting by a column: the other way round if it is already first, else biggest days first. */
export function sortBy(current: string, column: string): string {
  const primary = primarySort(current);
  const direction =
    primary?.column === column
      ? primary.direction === 'asc'
        ? 'desc'
        : 'asc'
      : column === 'overdueDays'
        ? 'desc'
        : 'asc';
  return column === 'dossierId' ? `dossierId:${direction}` : `${column}:${direction},dossierId:asc`;
}
