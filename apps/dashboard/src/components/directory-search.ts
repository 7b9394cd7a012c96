/** One place a leader can open from the search box: a unit or an agency. */
export interface SearchEntry {
  kind: 'unit' | 'agency';
  code: string;
  name: string;
}

/** Lower case without diacritics: "Đồng Xoài" and "dong xoai" are the same search. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}

/** What the search box lists for an entry; typing it back picks that entry. */
export function entryLabel(entry: SearchEntry): string {
  return `${entry.name} (${entry.code})`;
}

/**
 * The entries matching what was typed, best first: the exact label or code, then names that
 * start with it, then names or codes that contain it; units before agencies among equals.
 */
export function searchDirectory(query: string, entries: SearchEntry[], limit = 20): SearchEntry[] {
  const wanted = foldText(query);
  if (!wanted) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const name = foldText(entry.name);
    const code = foldText(entry.code);
    let score: number;
    if (foldText(entryLabel(entry)) === wanted || code === wanted) score = 0;
    else if (name.startsWith(wanted)) score = 1;
    else if (name.includes(wanted) || code.startsWith(wanted)) score = 2;
    else continue;
    scored.push({ entry, score: score * 2 + (entry.kind === 'unit' ? 0 : 1) });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entry.name.localeCompare(b.entry.name, 'vi'))
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/** The workspace path of an entry. */
export function entryPath(entry: SearchEntry): string {
  return `/${entry.kind === 'unit' ? 'units' : 'agencies'}/${encodeURIComponent(entry.code)}`;
}
