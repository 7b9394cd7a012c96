import type { Agency, AgencyKind, Directory, Procedure } from '@ioc/domain';
import { Random, WeightedTable } from './random';
import { SEED_FIGURES } from './seed-figures';

export type Channel = 'online' | 'direct' | 'postal';

/** A procedure as the simulator sees it: who handles it, how often, how it is submitted. */
export interface SimulatedProcedure {
  procedure: Procedure;
  /** The one agency that handles it, or the committees (one per district or commune) that do. */
  agencies: WeightedTable<Agency>;
  /** Relative number of dossiers on a working day. */
  demand: number;
  /** Chance that a dossier received on a working day came in online. */
  onlineProbability: number;
  componentsTotal: number;
  /** Taxes and levies paid together with the fee (thuế, lệ phí trước bạ, tiền sử dụng đất). */
  obligation: Obligation | null;
}

interface Obligation {
  probability: number;
  medianVnd: number;
}

/**
 * Share of the province's dossiers by the kind of agency whose desk receives them, in three
 * tiers. In two (no district committee since 1 July 2025), the communes receive what the
 * districts did as well.
 */
const DEMAND_BY_KIND: Record<AgencyKind, number> = {
  commune_committee: 0.34,
  district_committee: 0.24,
  department: 0.28,
  vertical: 0.14,
};

function demandOfKind(kind: AgencyKind, twoTiers: boolean): number {
  if (!twoTiers) return DEMAND_BY_KIND[kind];
  if (kind === 'district_committee') return 0;
  if (kind === 'commune_committee')
    return DEMAND_BY_KIND.commune_committee + DEMAND_BY_KIND.district_committee;
  return DEMAND_BY_KIND[kind];
}

/** A province without district committees: since 1 July 2025, every province. */
export function hasTwoTiers(agencies: readonly Agency[]): boolean {
  return !agencies.some((agency) => agency.kind === 'district_committee');
}

/** Fields that fill the desks: civil status, certified copies, land, residence, households. */
const BUSY_FIELDS: Record<string, number> = {
  'Hộ tịch': 3,
  'Chứng thực': 4,
  'Đất đai': 2.5,
  'Đăng ký, quản lý cư trú': 3,
  'Thành lập và hoạt động của hộ kinh doanh': 2,
  'Cấp sổ BHXH, thẻ BHYT': 2,
  'Đường bộ': 1.5,
};

/** Where the money is: land-use levies and registration taxes dwarf the procedures' fees. */
const OBLIGATIONS: Record<string, Obligation> = {
  'Đất đai': { probability: 0.7, medianVnd: 20_000_000 },
  'Đăng ký, quản lý phương tiện giao thông cơ giới đường bộ': {
    probability: 0.9,
    medianVnd: 2_000_000,
  },
};
export const OBLIGATION_SIGMA = 0.8;

const ONLINE_PROBABILITY_PARTIAL = 0.4;
const ONLINE_PROBABILITY_FULL_MAX = 0.98;
/** Online submissions on a weekend or holiday, against those of a working day. */
export const DAY_OFF_ONLINE_FACTOR = 0.3;
// A typical Vietnamese year: 365 days less weekends and about 11 public holidays.
const WORKING_DAYS_PER_YEAR = 250;
const DAYS_OFF_PER_YEAR = 115;
/** A year's online submissions on days off, against those on working days. */
const DAY_OFF_ONLINE_WEIGHT = (DAY_OFF_ONLINE_FACTOR * DAYS_OFF_PER_YEAR) / WORKING_DAYS_PER_YEAR;

/** Of the dossiers not submitted online, those sent by post rather than brought to the desk. */
export const POSTAL_SHARE_OF_OFFLINE = 0.1;
/** Chance that a dossier with a fee is paid through the online payment platform, by channel. */
export const ONLINE_PAYMENT_PROBABILITY: Record<Channel, number> = {
  online: 0.6,
  direct: 0.15,
  postal: 0.3,
};

const CHRONICALLY_LATE_DEPARTMENTS = 2;
const CHRONICALLY_LATE_COMMUNES = 3;
const CHRONIC_LATE_MULTIPLIER = 8;

/**
 * The simulated province, drawn once from the directory, its population and the seed: each
 * procedure's demand and online take-up, the agencies that run chronically late, and the free
 * parameters solved so that a year of dossiers reproduces the seed's dossiers per person, on-time
 * rate, online share and mean payment whatever the directory holds.
 */
export class ProvinceModel {
  readonly procedures: SimulatedProcedure[];
  /** Dossiers received on a working day, at the desk or online. */
  readonly workingDayDemand: WeightedTable<SimulatedProcedure>;
  /** Dossiers received on a day off: online only. */
  readonly dayOffDemand: WeightedTable<SimulatedProcedure>;
  /** Dossiers a working day at scale 1 (a day off gets the online part of it, reduced). */
  readonly dossiersPerWorkingDay: number;
  readonly dossiersPerDayOff: number;
  /** New dossiers a year at scale 1: the seed province's per person, for this population. */
  readonly receivedPerYear: number;
  readonly chronicallyLate: ReadonlySet<string>;
  /** Multiplies every obligation so that the mean online payment matches the seed. */
  readonly obligationScale: number;
  readonly longestProcessingDays: number;
  private readonly lateProbabilities = new Map<string, number>();

  constructor(directory: Directory, seed: number, population: number = SEED_FIGURES.population) {
    const routed = routeProcedures(directory, seed);
    if (routed.length === 0) {
      throw new Error('The directory has no procedure that an agency of it can receive');
    }
    const fullTakeUp = solveFullOnlineTakeUp(routed);
    this.procedures = routed.map((p) => ({
      ...p,
      onlineProbability: onlineProbability(p.procedure.onlineLevel, fullTakeUp),
    }));
    this.longestProcessingDays = Math.max(...routed.map((p) => p.procedure.processingDays));

    this.workingDayDemand = new WeightedTable(this.procedures, (p) => p.demand);
    this.dayOffDemand = new WeightedTable(this.procedures, (p) => p.demand * p.onlineProbability);
    const workingDayOnlineShare = this.dayOffDemand.total / this.workingDayDemand.total;
    const dayOffVolume = DAY_OFF_ONLINE_FACTOR * workingDayOnlineShare;
    this.receivedPerYear = (SEED_FIGURES.receivedPerYear * population) / SEED_FIGURES.population;
    this.dossiersPerWorkingDay =
      this.receivedPerYear / (WORKING_DAYS_PER_YEAR + DAYS_OFF_PER_YEAR * dayOffVolume);
    this.dossiersPerDayOff = this.dossiersPerWorkingDay * dayOffVolume;

    const shares = this.agencyShares();
    this.chronicallyLate = pickChronicallyLate(directory, shares, seed);
    this.solveLateProbabilities(shares);
    this.obligationScale = this.solveObligationScale();
  }

  lateProbability(agencyCode: string): number {
    return this.lateProbabilities.get(agencyCode) ?? 0;
  }

  /** Each agency's expected share of the province's dossiers. */
  private agencyShares(): Map<string, number> {
    const shares = new Map<string, number>();
    const total = this.workingDayDemand.total;
    for (const p of this.procedures) {
      p.agencies.items.forEach((agency, i) => {
        const share = (p.demand * p.agencies.weights[i]) / p.agencies.total / total;
        shares.set(agency.code, (shares.get(agency.code) ?? 0) + share);
      });
    }
    return shares;
  }

  /** A common late rate, several times higher for the chronic agencies, giving the seed's overall. */
  private solveLateProbabilities(shares: Map<string, number>): void {
    const multiplier = (code: string) =>
      this.chronicallyLate.has(code) ? CHRONIC_LATE_MULTIPLIER : 1;
    const weighted = sum([...shares].map(([code, share]) => share * multiplier(code)));
    const baseline = (1 - SEED_FIGURES.onTimeRate) / weighted;
    for (const code of shares.keys()) this.lateProbabilities.set(code, baseline * multiplier(code));
  }

  /** Scales the obligations so that the expected succeeded payment is the seed's mean. */
  private solveObligationScale(): number {
    const offline =
      (1 - POSTAL_SHARE_OF_OFFLINE) * ONLINE_PAYMENT_PROBABILITY.direct +
      POSTAL_SHARE_OF_OFFLINE * ONLINE_PAYMENT_PROBABILITY.postal;
    let payments = 0;
    let fees = 0;
    let obligations = 0;
    for (const p of this.procedures) {
      if (p.procedure.feeVnd <= 0) continue;
      const online = p.onlineProbability * (1 + DAY_OFF_ONLINE_WEIGHT);
      const paid =
        p.demand *
        (online * ONLINE_PAYMENT_PROBABILITY.online + (1 - p.onlineProbability) * offline);
      payments += paid;
      fees += paid * p.procedure.feeVnd;
      if (p.obligation) {
        const mean = p.obligation.medianVnd * Math.exp((OBLIGATION_SIGMA * OBLIGATION_SIGMA) / 2);
        obligations += paid * p.obligation.probability * mean;
      }
    }
    if (payments === 0 || obligations === 0) return 0;
    return Math.max(0, (SEED_FIGURES.meanPaymentVnd * payments - fees) / obligations);
  }
}

type RoutedProcedure = Omit<SimulatedProcedure, 'onlineProbability'>;

/**
 * Full-online procedures' take-up is the free parameter: chosen so that the year's online share
 * (working days, plus the days off when only online submissions come in) is the seed's.
 */
function solveFullOnlineTakeUp(procedures: readonly RoutedProcedure[]): number {
  const target = SEED_FIGURES.onlineShare;
  // share = x(1 + k) / (1 + x·k) for a working-day share x and days off weighing k: solve for x.
  const workingDayShare = target / (1 + DAY_OFF_ONLINE_WEIGHT * (1 - target));
  const demandOf = (level: Procedure['onlineLevel']) =>
    sum(procedures.filter((p) => p.procedure.onlineLevel === level).map((p) => p.demand));
  const full = demandOf('full');
  if (full === 0) return 0;
  const total = sum(procedures.map((p) => p.demand));
  const needed = workingDayShare * total - ONLINE_PROBABILITY_PARTIAL * demandOf('partial');
  return clamp(needed / full, 0, ONLINE_PROBABILITY_FULL_MAX);
}

function onlineProbability(level: Procedure['onlineLevel'], fullTakeUp: number): number {
  return level === 'full' ? fullTakeUp : level === 'partial' ? ONLINE_PROBABILITY_PARTIAL : 0;
}

/** Which agency receives each procedure, and how much demand it sees. */
function routeProcedures(directory: Directory, seed: number): RoutedProcedure[] {
  const agenciesByCode = new Map(directory.agencies.map((a) => [a.code, a]));
  const committees = (kind: AgencyKind) =>
    directory.agencies.filter((a) => a.kind === kind && a.unitCode);
  const committeeTables = new Map<AgencyKind, WeightedTable<Agency> | null>();
  const committeeTable = (kind: AgencyKind) => {
    if (!committeeTables.has(kind)) {
      const list = committees(kind);
      // Some districts and communes are simply bigger than others.
      const population = (a: Agency) => new Random(seed, 'population', a.code).between(0.4, 1.6);
      committeeTables.set(kind, list.length ? new WeightedTable(list, population) : null);
    }
    return committeeTables.get(kind) ?? null;
  };

  const routed: { procedure: Procedure; kind: AgencyKind; agencies: WeightedTable<Agency> }[] = [];
  for (const procedure of directory.procedures) {
    const fixed = procedure.agencyCode ? agenciesByCode.get(procedure.agencyCode) : undefined;
    const kind = procedure.agencyKind ?? fixed?.kind;
    if (!kind) continue;
    const agencies =
      kind === 'department' || kind === 'vertical'
        ? fixed && new WeightedTable([fixed], () => 1)
        : committeeTable(kind);
    if (agencies) routed.push({ procedure, kind, agencies });
  }

  const popularity = (procedure: Procedure) =>
    ((BUSY_FIELDS[procedure.field] ?? 1) *
      new Random(seed, 'popularity', procedure.code).between(0.3, 1.7)) /
    // Long procedures (licences, appraisals, complaints) are the rare ones.
    (1 + procedure.processingDays / 10);
  const kindTotals = new Map<AgencyKind, number>();
  for (const { procedure, kind } of routed) {
    kindTotals.set(kind, (kindTotals.get(kind) ?? 0) + popularity(procedure));
  }
  const twoTiers = hasTwoTiers(directory.agencies);
  const shareOf = (kind: AgencyKind) => demandOfKind(kind, twoTiers);
  const kindsPresent = sum([...kindTotals.keys()].map(shareOf));

  return routed.map(({ procedure, kind, agencies }) => ({
    procedure,
    agencies,
    demand: (shareOf(kind) / kindsPresent) * (popularity(procedure) / kindTotals.get(kind)!),
    componentsTotal: new Random(seed, 'components', procedure.code).int(1, 6),
    obligation: procedure.feeVnd > 0 ? (OBLIGATIONS[procedure.field] ?? null) : null,
  }));
}

/** Two departments among the busier half, and three communes, that run chronically late. */
function pickChronicallyLate(
  directory: Directory,
  shares: Map<string, number>,
  seed: number,
): Set<string> {
  const random = new Random(seed, 'chronically-late');
  const byShare = (kind: AgencyKind) =>
    directory.agencies
      .filter((a) => a.kind === kind && (shares.get(a.code) ?? 0) > 0)
      .sort((a, b) => shares.get(b.code)! - shares.get(a.code)! || a.code.localeCompare(b.code));
  const departments = byShare('department');
  const busierDepartments = departments.slice(0, Math.max(1, Math.ceil(departments.length / 2)));
  return new Set(
    [
      ...drawDistinct(busierDepartments, CHRONICALLY_LATE_DEPARTMENTS, random),
      ...drawDistinct(byShare('commune_committee'), CHRONICALLY_LATE_COMMUNES, random),
    ].map((a) => a.code),
  );
}

function drawDistinct<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = [...items];
  const drawn: T[] = [];
  while (drawn.length < count && pool.length) {
    drawn.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  }
  return drawn;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
