import { describe, expect, it } from 'vitest';
import {
  cellWidths,
  keyFeaturesByCode,
  mapFileFor,
  mapGeometry,
  schematicMap,
  type ProvinceGeoJson,
} from './province-map';

const units = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ code: String(1000 + i), name: `Xã ${i + 1}` }));

describe('province map', () => {
  it("uses the operator's real boundaries of a unit when they are there", () => {
    expect(mapFileFor('70', ['../assets/maps/70.geojson'])).toBe('../assets/maps/70.geojson');
    expect(mapFileFor('689', ['../assets/maps/70.geojson'])).toBeNull();
  });

  it.each([11, 95, 168])('draws a schematic cell for each of %i units, named by code', (count) => {
    const geoJson = schematicMap(units(count));
    const codes = geoJson.features.map((feature) => feature.properties.code);
    expect(new Set(codes).size).toBe(count);
    expect(mapGeometry(geoJson, true).aspectScale).toBe(1);
    // Cells of one size, side by side: each a small and equal share of the map's width.
    const widths = [...cellWidths(geoJson).values()];
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(1e-4);
    expect(widths[0]).toBeLessThan(count > 11 ? 0.1 : 0.3);
    // Cells never overlap: centres at least a cell's width apart.
    const centres = geoJson.features.map((feature) => {
      const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0];
      return [ring[0][0] - Math.sqrt(3) * 0.1, ring[0][1] + 0.1];
    });
    for (let a = 0; a < centres.length; a++)
      for (let b = a + 1; b < centres.length; b++)
        expect(
          Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]),
        ).toBeGreaterThan(0.34);
  });

  it('matches a real file that only names its features', () => {
    const geoJson: ProvinceGeoJson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Thành phố Đồng Xoài' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106.8, 11.5],
                [106.9, 11.5],
                [106.9, 11.6],
                [106.8, 11.5],
              ],
            ],
          },
        },
      ],
    };
    const keyed = keyFeaturesByCode(geoJson, new Map([['Thành phố Đồng Xoài', '689']]));
    expect(keyed.features[0].properties.code).toBe('689');
    // A degree of longitude at 11.55° N (the middle of the box) is cos 11.55° ≈ 0.97975 of one of
    // latitude; the box is 0.1° square, so it is drawn that much narrower than tall.
    const { aspectScale, aspect } = mapGeometry(geoJson, false);
    expect(aspectScale).toBeCloseTo(0.97975, 5);
    expect(aspect).toBeCloseTo(0.97975, 5);
  });
});
