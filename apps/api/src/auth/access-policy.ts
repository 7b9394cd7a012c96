import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service';
import { confinedUnit, Principal } from './principal';

/** Where a dossier belongs: the unit whose desk received it and the agency that handles it. */
export interface DossierPlace {
  unitCode: string;
  agencyCode: string;
}

/**
 * SPEC §6: a district chief sees their unit and everything below it, nothing else, and so does a
 * wall token bound to a scope (SPEC §8); an agency head sees their agency's figures and dossiers,
 * nothing else (no unit's figures at all).
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly directory: DirectoryService) {}

  /** The unit scope to read: the requested one (default the caller's own, or the province). */
  unitScope(principal: Principal, requested: string | undefined): string {
    const snapshot = this.directory.current;
    const scope = requested ?? principal.unitCode ?? snapshot.province?.code;
    if (!scope || !snapshot.units.has(scope)) {
      throw new BadRequestException(`scope: unknown unit code "${scope ?? ''}"`);
    }
    if (principal.role === 'agency_head') {
      throw new ForbiddenException(
        `An agency head reads only agency ${principal.agencyCode}, not a unit's figures`,
      );
    }
    if (!this.mayReadUnit(principal, scope)) {
      throw new ForbiddenException(
        `You may only read unit ${principal.unitCode} and the units below it`,
      );
    }
    return scope;
  }

  agencyScope(principal: Principal, agencyCode: string): string {
    const agency = this.directory.current.agencies.get(agencyCode);
    if (!agency) throw new BadRequestException(`agency: unknown agency code "${agencyCode}"`);
    if (!this.mayReadAgency(principal, agencyCode)) {
      throw new ForbiddenException(
        principal.role === 'agency_head'
          ? `You may only read agency ${principal.agencyCode}`
          : `Agency ${agencyCode} is outside your unit`,
      );
    }
    return agencyCode;
  }

  /**
   * An agency head's own agency and its unit, checked against what they asked for: another
   * agency, or a unit other than their agency's, is refused (403).
   */
  ownAgency(
    principal: Principal,
    requestedScope: string | undefined,
    requestedAgency: string | undefined,
  ): { scope: string; agency: string } {
    const agency = this.agencyScope(principal, requestedAgency ?? principal.agencyCode ?? '');
    const scope = this.directory.current.agencies.get(agency)!.unitCode;
    if (requestedScope !== undefined && requestedScope !== scope) {
      this.unitScope(principal, requestedScope); // 400 for an unknown unit, else 403
    }
    return { scope, agency };
  }

  mayReadUnit(principal: Principal, unitCode: string): boolean {
    if (principal.role === 'agency_head') return false;
    if (principal.role === 'district_chief' && principal.unitCode === null) return false;
    const confined = confinedUnit(principal);
    return confined === null || this.directory.current.isWithin(unitCode, confined);
  }

  mayReadAgency(principal: Principal, agencyCode: string): boolean {
    if (principal.role === 'agency_head') return principal.agencyCode === agencyCode;
    const agency = this.directory.current.agencies.get(agencyCode);
    return agency !== undefined && this.mayReadUnit(principal, agency.unitCode);
  }

  /** A dossier is visible by its desk's unit, or to an agency head by its handling agency. */
  mayReadDossier(principal: Principal, place: DossierPlace): boolean {
    if (principal.role === 'agency_head') return principal.agencyCode === place.agencyCode;
    return this.mayReadUnit(principal, place.unitCode);
  }
}
