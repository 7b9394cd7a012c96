import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service';
import { confinedUnit, Principal } from './principal';

/**
 * SPEC §6: a district chief sees their unit and everything below it, nothing else; so does a wall
 * token bound to a scope (SPEC §8).
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
    if (!this.mayReadUnit(principal, agency.unitCode)) {
      throw new ForbiddenException(`Agency ${agencyCode} is outside your unit`);
    }
    return agencyCode;
  }

  mayReadUnit(principal: Principal, unitCode: string): boolean {
    if (principal.role === 'district_chief' && principal.unitCode === null) return false;
    const confined = confinedUnit(principal);
    return confined === null || this.directory.current.isWithin(unitCode, confined);
  }
}
