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

// Bundled at build time: `<province>.geojson` (real boundaries, dropped in by the operator)
// wins over `<province>-schematic.geojson` (generated from the directory).
const MAP_FILES = import.meta.glob<string>('../assets/maps/*.geojson', {
  query: '?url',
  import: 'default',
});

export function mapFileFor(
  provinceCode: string,
  files: readonly string[],
): { path: string; schematic: boolean } | null {
  const real = files.find((path) => path.endsWith(`/${provinceCode}.geojson`));
  if (real) return { path: real, schematic: false };
  const schematic = files.find((path) => path.endsWith(`/${provinceCode}-schematic.geojson`));
  return schematic ? { path: schematic, schematic: true } : null;
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

const loaded = new Map<string, Promise<ProvinceMap | null>>();

/** Loads and registers the province's map once per page. */
export function loadProvinceMap(
  provinceCode: string,
  codeByName: ReadonlyMap<string, string>,
): Promise<ProvinceMap | null> {
  let promise = loaded.get(provinceCode);
  if (!promise) {
    promise = (async () => {
      const file = mapFileFor(provinceCode, Object.keys(MAP_FILES));
      if (!file) return null;
      const url = await MAP_FILES[file.path]();
      const response = await fetch(url);
      if (!response.ok) throw new Error(`map ${url}: ${response.status}`);
      const geoJson = keyFeaturesByCode((await response.json()) as ProvinceGeoJson, codeByName);
      const name = `province-${provinceCode}`;
      // ECharts' own GeoJSON type is looser than ours; the shape is the standard one.
      echarts.registerMap(name, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
      return { name, schematic: file.schematic, ...mapGeometry(geoJson, file.schematic) };
    })();
    promise.catch(() => loaded.delete(provinceCode));
    loaded.set(provinceCode, promise);
  }
  return promise;
}
