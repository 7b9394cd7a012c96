import { echarts } from './use-echarts';

/** A GeoJSON the wall can colour: each feature names its unit in `properties.code`. */
export interface ProvinceGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code?: string; name?: string }; geometry: unknown }[];
}

export interface ProvinceMap {
  /** The name it is registered under with ECharts. */
  name: string;
  schematic: boolean;
  /** Width to height of a degree: cos(latitude) for real maps, 1 for the schematic. */
  aspectScale: number;
  /** Width to height of the drawn map, to size it into its panel. */
  aspect: number;
}

/** The bounding box of every coordinate in the file, in degrees. */
export function boundsOf(geoJson: ProvinceGeoJson): {
  west: number;
  east: number;
  south: number;
  north: number;
} {
  const bounds = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      bounds.west = Math.min(bounds.west, value[0]);
      bounds.east = Math.max(bounds.east, value[0]);
      bounds.south = Math.min(bounds.south, value[1]);
      bounds.north = Math.max(bounds.north, value[1]);
      return;
    }
    value.forEach(visit);
  };
  for (const feature of geoJson.features)
    visit((feature.geometry as { coordinates?: unknown }).coordinates);
  return bounds;
}

/** How ECharts should draw it: a real map squeezes degrees of longitude by cos(latitude). */
export function mapGeometry(
  geoJson: ProvinceGeoJson,
  schematic: boolean,
): { aspectScale: number; aspect: number } {
  const { west, east, south, north } = boundsOf(geoJson);
  if (!Number.isFinite(west) || north === south) return { aspectScale: 1, aspect: 1 };
  const aspectScale = schematic ? 1 : Math.cos((((south + north) / 2) * Math.PI) / 180);
  return { aspectScale, aspect: ((east - west) / (north - south)) * aspectScale };
}

// Bundled at build time: `<unit code>.geojson`, real boundaries of a unit's children, dropped in by
// the operator. Without one, a schematic is drawn from the directory (schematicMap).
const MAP_FILES = import.meta.glob<string>('../assets/maps/*.geojson', {
  query: '?url',
  import: 'default',
});

/** The operator's real map of a unit, if there is one. */
export function mapFileFor(unitCode: string, files: readonly string[]): string | null {
  return files.find((path) => path.endsWith(`/${unitCode}.geojson`)) ?? null;
}

/** Features keyed by unit code: real files may only carry names, matched against the directory. */
export function keyFeaturesByCode(
  geoJson: ProvinceGeoJson,
  codeByName: ReadonlyMap<string, string>,
): ProvinceGeoJson {
  return {
    ...geoJson,
    features: geoJson.features.map((feature) => {
      const code =
        feature.properties.code ??
        codeByName.get(feature.properties.name ?? '') ??
        feature.properties.name;
      return { ...feature, properties: { ...feature.properties, code } };
    }),
  };
}

/** Pointy-top hexagons of this radius, in the schematic's own units (drawn as degrees). */
const HEX_SIZE = 0.2;

/**
 * One hexagon per unit in a compact honeycomb, in the units' order (by code): the stand-in for
 * real boundaries, for any number of units (11 districts, 95 or 168 communes, a district's own).
 */
export function schematicMap(units: readonly { code: string; name: string }[]): ProvinceGeoJson {
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const columns = Math.max(2, Math.ceil(Math.sqrt(sorted.length * 1.4)));
  const rows = Math.ceil(sorted.length / columns);
  const width = Math.sqrt(3) * HEX_SIZE;
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  const hexagon = (cx: number, cy: number) =>
    Array.from({ length: 7 }, (_, corner) => {
      const angle = (Math.PI / 180) * (60 * (corner % 6) - 30);
      return [round(cx + HEX_SIZE * Math.cos(angle)), round(cy + HEX_SIZE * Math.sin(angle))];
    });
  return {
    type: 'FeatureCollection',
    features: sorted.map((unit, index) => {
      const row = Math.floor(index / columns);
      const inRow = row === rows - 1 ? sorted.length - row * columns : columns;
      const column = index - row * columns;
      // Odd rows shift half a cell; a short last row is centred by whole cells, so it stays
      // interlocked with the row above.
      const shift = (row % 2) * 0.5 + Math.floor((columns - inRow) / 2);
      return {
        type: 'Feature',
        properties: { code: unit.code, name: unit.name },
        geometry: {
          type: 'Polygon',
          coordinates: [hexagon((column + shift) * width, -row * 1.5 * HEX_SIZE)],
        },
      };
    }),
  };
}

/** Each feature's width as a share of the whole map's width: room for its label. */
export function cellWidths(geoJson: ProvinceGeoJson): Map<string, number> {
  const whole = boundsOf(geoJson);
  const span = whole.east - whole.west;
  return new Map(
    geoJson.features.map((feature) => {
      const own = boundsOf({ type: 'FeatureCollection', features: [feature] });
      return [feature.properties.code ?? '', span > 0 ? (own.east - own.west) / span : 1];
    }),
  );
}

export interface LoadedMap extends ProvinceMap {
  /** Feature width / map width, by unit code. */
  cellWidths: Map<string, number>;
}

const loaded = new Map<string, Promise<LoadedMap>>();

/**
 * The map of `unitCode`'s children, registered with ECharts once per page: the operator's real
 * file when there is one, else a schematic of `children`.
 */
export function loadUnitMap(
  unitCode: string,
  children: readonly { code: string; name: string }[],
): Promise<LoadedMap> {
  const cacheKey = `${unitCode}:${children.length}`;
  let promise = loaded.get(cacheKey);
  if (!promise) {
    promise = (async () => {
      const file = mapFileFor(unitCode, Object.keys(MAP_FILES));
      let geoJson: ProvinceGeoJson;
      if (file) {
        const url = await MAP_FILES[file]();
        const response = await fetch(url);
        if (!response.ok) throw new Error(`map ${url}: ${response.status}`);
        const codeByName = new Map(children.map((unit) => [unit.name, unit.code]));
        geoJson = keyFeaturesByCode((await response.json()) as ProvinceGeoJson, codeByName);
      } else {
        geoJson = schematicMap(children);
      }
      const name = `units-${cacheKey}`;
      // ECharts' own GeoJSON type is looser than ours; the shape is the standard one.
      echarts.registerMap(name, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
      const schematic = !file;
      return {
        name,
        schematic,
        cellWidths: cellWidths(geoJson),
        ...mapGeometry(geoJson, schematic),
      };
    })();
    promise.catch(() => loaded.delete(cacheKey));
    loaded.set(cacheKey, promise);
  }
  return promise;
}
