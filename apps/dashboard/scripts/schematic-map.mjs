#!/usr/bin/env node
// Writes a schematic GeoJSON of a province: one hexagon per unit right below the province, in a
// tidy grid, each feature named by its unit code. It stands in for real boundaries, which an
// operator drops in as src/assets/maps/<province>.geojson (see the README).
//
//   node apps/dashboard/scripts/schematic-map.mjs [directory.json] [out-dir]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const directoryPath = resolve(
  process.argv[2] ?? join(here, '../../../libs/domain/src/demo/binh-phuoc.directory.json'),
);
const outDir = resolve(process.argv[3] ?? join(here, '../src/assets/maps'));

const directory = JSON.parse(readFileSync(directoryPath, 'utf8'));
const province = directory.units.find((unit) => unit.level === 'province');
if (!province) throw new Error(`${directoryPath}: no unit of level "province"`);
const children = directory.units
  .filter((unit) => unit.parentCode === province.code)
  .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
if (children.length === 0) throw new Error(`${directoryPath}: no unit below ${province.code}`);

// Pointy-top hexagons of radius SIZE "degrees"; the origin only keeps numbers map-like.
const SIZE = 0.2;
const ORIGIN = { x: 106.2, y: 12.2 };
const columns = Math.max(2, Math.ceil(Math.sqrt(children.length * 1.4)));
const rows = Math.ceil(children.length / columns);
const width = Math.sqrt(3) * SIZE;
const round = (value) => Math.round(value * 1e5) / 1e5;

function hexagon(cx, cy) {
  const ring = [];
  for (let corner = 0; corner <= 6; corner++) {
    const angle = (Math.PI / 180) * (60 * (corner % 6) - 30);
    ring.push([round(cx + SIZE * Math.cos(angle)), round(cy + SIZE * Math.sin(angle))]);
  }
  return ring;
}

const features = children.map((unit, index) => {
  const row = Math.floor(index / columns);
  const inRow = row === rows - 1 ? children.length - row * columns : columns;
  const column = index - row * columns;
  // Odd rows shift half a cell, a short last row is centred: a compact honeycomb.
  const shift = (row % 2) * 0.5 + (columns - inRow) / 2;
  const cx = ORIGIN.x + (column + shift) * width;
  const cy = ORIGIN.y - row * 1.5 * SIZE;
  return {
    type: 'Feature',
    properties: { code: unit.code, name: unit.name },
    geometry: { type: 'Polygon', coordinates: [hexagon(cx, cy)] },
  };
});

// One feature a line: small, and a diff shows which unit moved.
const header = {
  type: 'FeatureCollection',
  // Foreign members (allowed by RFC 7946): what this file is, for a reader.
  schematic: true,
  province: { code: province.code, name: province.name },
};
const text = `${JSON.stringify(header).slice(0, -1)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
const outPath = join(outDir, `${province.code}-schematic.geojson`);
writeFileSync(outPath, text);
console.log(`${outPath}: ${features.length} units of ${province.name}, ${columns} per row`);
