// Administrative prefixes, longest first; the wall's narrow labels use the usual abbreviations.
const PREFIXES: [string, string][] = [
  ['Thành phố ', 'TP. '],
  ['Thị trấn ', 'TT. '],
  ['Thị xã ', 'TX. '],
  ['Huyện ', 'H. '],
  ['Quận ', 'Q. '],
  ['Phường ', 'P. '],
  ['Xã ', 'X. '],
];

/** "Thành phố Đồng Xoài" → "TP. Đồng Xoài". */
export function shortUnitName(name: string): string {
  for (const [prefix, short] of PREFIXES)
    if (name.startsWith(prefix)) return short + name.slice(prefix.length);
  return name;
}

/** "Thành phố Đồng Xoài" → "Đồng Xoài", for map cells. */
export function bareUnitName(name: string): string {
  for (const [prefix] of PREFIXES) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}
