import { describe, expect, it } from 'vitest';
import schematic from '@/assets/maps/70-schematic.geojson?raw';
import { keyFeaturesByCode, mapFileFor, mapGeometry, type ProvinceGeoJson } from './province-map';

describe('province map', () => {
  it("prefers the operator's real boundaries over the schematic", () => {
    expect(mapFileFor('70', ['../assets/maps/70-schematic.geojson'])).toEqual({
      path: '../assets/maps/70-schematic.geojson',
      schematic: true,
    });
    expect(
      mapFileFor('70', ['../assets/maps/70-schematic.geojson', '../assets/maps/70.geojson']),
    ).toEqual({ path: '../assets/maps/70.geojson', schematic: false });
    expect(mapFileFor('71', ['../assets/maps/70-schematic.geojson'])).toBeNull();
  });

  it('ships a schematic cell for every district of the demo province, named by code', () => {
    const geoJson = JSON.parse(schematic) as ProvinceGeoJson;
    const codes = geoJson.features.map((feature) => feature.properties.code);
    expect(codes).toEqual([
      '688',
      '689',
      '690',
      '691',
      '692',
      '693',
      '694',
      '695',
      '696',
      '697',
      '698',
    ]);
    expect(mapGeometry(geoJson, true).aspectScale).toBe(1);
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
