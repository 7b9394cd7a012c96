import type { Agency, Directory, Procedure, Unit, UnitLevel } from '@ioc/domain';

/** The directory held in memory: code look-ups and the unit tree, rebuilt after each import. */
export class DirectorySnapshot {
  readonly units = new Map<string, Unit>();
  readonly agencies = new Map<string, Agency>();
  readonly procedures = new Map<string, Procedure>();
  private readonly children = new Map<string, Unit[]>();

  constructor(directory: Directory) {
    for (const unit of directory.units) this.units.set(unit.code, unit);
    for (const agency of directory.agencies) this.agencies.set(agency.code, agency);
    for (const procedure of directory.procedures) this.procedures.set(procedure.code, procedure);
    for (const unit of directory.units) {
      if (unit.parentCode === null) continue;
      const siblings = this.children.get(unit.parentCode) ?? [];
      siblings.push(unit);
      this.children.set(unit.parentCode, siblings);
    }
  }

  get province(): Unit | undefined {
    return [...this.units.values()].find((unit) => unit.parentCode === null);
  }

  /** The level right below the province: `district`, or `commune` in a two-tier province. */
  get rankedUnitLevel(): UnitLevel {
    const province = this.province;
    const first = province ? this.children.get(province.code)?.[0] : undefined;
    return first?.level ?? 'district';
  }

  /** Whether `code` is `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean {
    for (let unit = this.units.get(code); unit; unit = this.units.get(unit.parentCode ?? '')) {
      if (unit.code === ancestor) return true;
      if (unit.parentCode === null) return false;
    }
    return false;
  }

  /** Unit codes of `code` and everything below it. */
  subtree(code: string): string[] {
    const codes: string[] = [];
    const visit = (unitCode: string) => {
      codes.push(unitCode);
      for (const child of this.children.get(unitCode) ?? []) visit(child.code);
    };
    if (this.units.has(code)) visit(code);
    return codes;
  }
}
