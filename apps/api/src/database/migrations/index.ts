import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';
import { PendingDossierQueue1763800000000 } from './1763800000000-PendingDossierQueue';
import { OpenDossierFastPath1763900000000 } from './1763900000000-OpenDossierFastPath';
import { LeanReadPath1764000000000 } from './1764000000000-LeanReadPath';
import { SetAsideDossiers1764100000000 } from './1764100000000-SetAsideDossiers';
import { AppSecrets1764300000000 } from './1764300000000-AppSecrets';
import { AuditLog1764400000000 } from './1764400000000-AuditLog';
import { AgencyHeads1764420000000 } from './1764420000000-AgencyHeads';
import { BriefingSnapshots1764500000000 } from './1764500000000-BriefingSnapshots';
import { WallTokenScope1764600000000 } from './1764600000000-WallTokenScope';
import { InProgressChanges1764700000000 } from './1764700000000-InProgressChanges';
import { DossierApology1764710000000 } from './1764710000000-DossierApology';
import { QueueWithoutTruncation1764720000000 } from './1764720000000-QueueWithoutTruncation';

/** Every migration, in order; listed so that the bundled build needs no file globbing. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  PendingDossierQueue1763800000000,
  OpenDossierFastPath1763900000000,
  LeanReadPath1764000000000,
  SetAsideDossiers1764100000000,
  AppSecrets1764300000000,
  AuditLog1764400000000,
  AgencyHeads1764420000000,
  BriefingSnapshots1764500000000,
  WallTokenScope1764600000000,
  InProgressChanges1764700000000,
  DossierApology1764710000000,
  QueueWithoutTruncation1764720000000,
];
