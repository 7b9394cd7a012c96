import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { DirectoryService } from '../directory/directory.service';
import { Slice } from './slice';

export interface ResolvedScope {
  scope: string;
  agency: string | null;
  slice: Slice;
}

/** Turns `scope` / `agency` query parameters into a checked slice of the data. */
@Injectable()
export class Scopes {
  constructor(
    private readonly access: AccessPolicy,
    private readonly directory: DirectoryService,
  ) {}

  /** An agency head always reads their own agency (the default when they name none). */
  resolve(
    principal: Principal,
    scope: string | undefined,
    agency: string | undefined,
  ): ResolvedScope {
    if (principal.role === 'agency_head') {
      const own = this.access.ownAgency(principal, scope, agency);
      return { ...own, slice: { by: 'agency', agencies: [own.agency] } };
    }
    const unit = this.access.unitScope(principal, scope);
    if (agency) {
      const code = this.access.agencyScope(principal, agency);
      return { scope: unit, agency: code, slice: { by: 'agency', agencies: [code] } };
    }
    return { scope: unit, agency: null, slice: this.unitSlice(unit) };
  }

  /** The province needs no filter; any other unit is its subtree. */
  unitSlice(unitCode: string): Slice {
    const snapshot = this.directory.current;
    if (unitCode === snapshot.province?.code) return { by: 'unit' };
    return { by: 'unit', units: snapshot.subtree(unitCode) };
  }
}
