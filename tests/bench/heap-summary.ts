/**
 * What a page's JavaScript heap holds, by constructor, from a V8 heap snapshot taken through the
 * DevTools protocol: two of them, diffed, say what grew (objects kept per update, compiled code,
 * strings…) where the heap's total alone cannot.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapGroup {
  count: number;
  bytes: number;
}

/** Snapshot nodes grouped by constructor (objects) or by V8's node type in brackets. */
export async function heapByConstructor(cdp: CDPSession): Promise<Map<string, HeapGroup>> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    const key =
      type === 'object' || type === 'native'
        ? snapshot.strings[snapshot.nodes[i + nameAt]]
        : `(${type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += snapshot.nodes[i + sizeAt];
    groups.set(key, group);
  }
  return groups;
}

/** The groups that grew most in bytes from `before` to `after`, as Markdown table rows. */
export function heapGrowth(
  before: Map<string, HeapGroup>,
  after: Map<string, HeapGroup>,
  rows = 12,
): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  const none: HeapGroup = { count: 0, bytes: 0 };
  return [...keys]
    .map((key) => {
      const [b, a] = [before.get(key) ?? none, after.get(key) ?? none];
      return { key, bytes: a.bytes - b.bytes, count: a.count - b.count };
    })
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, rows)
    .map(
      ({ key, bytes, count }) =>
        `| ${key.slice(0, 60).replaceAll('|', '\\|')} | ${(bytes / 1024).toFixed(1)} KB | ${count} |`,
    );
}
