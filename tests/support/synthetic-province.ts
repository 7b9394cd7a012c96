/**
 * A province grown to `units` communes for the wall's tests and benchmarks (Hồ Chí Minh City has
 * 168 since 1 July 2025): Đồng Nai 2025's directory plus made-up communes, each with its own
 * committee. Every added name says it is a demo ("Xã Mẫu 17"); the codes sit outside the
 * national register's range so they never pass for real ones.
 */
import { dongNai2025Directory } from '@ioc/domain/demo';
import type { TrafficDirectory } from './wall-traffic';

interface DirectoryUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

interface DirectoryAgency {
  code: string;
  name: string;
  kind: string;
  unitCode: string;
}

export interface SyntheticAdditions {
  units: DirectoryUnit[];
  agencies: DirectoryAgency[];
  procedures: [];
}

const base = dongNai2025Directory as unknown as {
  units: DirectoryUnit[];
  agencies: DirectoryAgency[];
  procedures: TrafficDirectory['procedures'];
};

/** What to import into a Đồng Nai 2025 demo so that its province has `units` communes. */
export function syntheticAdditions(units: number): SyntheticAdditions {
  const province = base.units.find((unit) => unit.level === 'province')!;
  const existing = base.units.filter((unit) => unit.parentCode === province.code).length;
  const added = Array.from({ length: Math.max(0, units - existing) }, (_, index) => {
    const code = String(90_001 + index);
    return { code, name: `Xã Mẫu ${index + 1}`, level: 'commune', parentCode: province.code };
  });
  return {
    units: added,
    agencies: added.map((unit) => ({
      code: `UBND-${unit.code}`,
      name: `UBND ${unit.name}`,
      kind: 'commune_committee',
      unitCode: unit.code,
    })),
    procedures: [],
  };
}

/** Đồng Nai's directory with the additions, for the traffic generator. */
export function syntheticDirectory(units: number): TrafficDirectory {
  const additions = syntheticAdditions(units);
  return {
    units: [...base.units, ...additions.units],
    agencies: [...base.agencies, ...additions.agencies],
    procedures: base.procedures,
  };
}
