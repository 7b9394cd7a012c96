import {
  addCounters,
  AgencyKind,
  deriveDossierState,
  directorySchema,
  DossierEvent,
  isDossierEvent,
  LocalClock,
  WorkingCalendar,
  zeroCounters,
} from '@ioc/domain';
import { DEMO_PROVINCES, demoProvinces } from '@ioc/domain/demo';
import { SEED_FIGURES } from './seed-figures';
import { SimulatedStream } from './simulated-stream';

const calendar = new WorkingCalendar(new LocalClock('Asia/Ho_Chi_Minh'));
const { clock } = calendar;
// Bình Phước's 2021 volume at 5 %: about 32,000 dossiers, whichever province is simulated.
const DOSSIERS_A_YEAR = SEED_FIGURES.receivedPerYear * 0.05;

/**
 * A simulated year of each demo province, counted with the metric definitions the API uses (each
 * dossier's state derived from its events, its facts summed over the window), must give Bình
 * Phước's ratios and its dossiers per person. The ratios do not depend on the scale, so a small
 * one keeps the test quick.
 */
describe.each(DEMO_PROVINCES)('SimulatedStream over a year of %s', (province) => {
  const { population } = demoProvinces[province];
  const directory = directorySchema.parse(demoProvinces[province].directory);
  const processingDays = new Map(directory.procedures.map((p) => [p.code, p.processingDays]));
  const from = clock.startOfDay('2025-01-01');
  const to = clock.startOfDay('2026-01-01');
  // A quarter before the year, so that it opens with dossiers carried over.
  const genesis = clock.startOfDay('2024-10-01');
  const scale =
    (DOSSIERS_A_YEAR * SEED_FIGURES.population) / population / SEED_FIGURES.receivedPerYear;
  const stream = new SimulatedStream({
    seed: 2021,
    scale,
    directory,
    population,
    calendar,
    genesis,
  });

  const byDossier = new Map<string, DossierEvent[]>();
  for (const event of stream.eventsBetween(genesis, to).filter(isDossierEvent)) {
    const events = byDossier.get(event.dossierId) ?? [];
    events.push(event);
    byDossier.set(event.dossierId, events);
  }
  const context = { calendar, processingDays: (code: string) => processingDays.get(code) };
  const counters = zeroCounters();
  const onTimeByAgency = new Map<string, { resolved: number; onTime: number }>();
  const kindOf = new Map(directory.agencies.map((agency) => [agency.code, agency.kind]));
  const receivedByKind = new Map<AgencyKind, number>();
  for (const [dossierId, events] of byDossier) {
    const state = deriveDossierState(dossierId, events, context);
    if (state.received && state.received.at >= from && state.received.at < to) {
      const kind = kindOf.get(state.received.agencyCode)!;
      receivedByKind.set(kind, (receivedByKind.get(kind) ?? 0) + 1);
    }
    for (const fact of state.facts)
      if (fact.at >= from && fact.at < to) addCounters(counters, fact.counters);
    if (
      state.received &&
      state.resolvedAt !== null &&
      state.resolvedAt >= from &&
      state.resolvedAt < to
    ) {
      const agency = onTimeByAgency.get(state.received.agencyCode) ?? { resolved: 0, onTime: 0 };
      agency.resolved++;
      if (state.onTime) agency.onTime++;
      onTimeByAgency.set(state.received.agencyCode, agency);
    }
  }

  it('receives as many dossiers a person as Bình Phước did (≈ 0.65 a year), at the scale', () => {
    const perPerson = counters.received / scale / population;
    expect(perPerson / (SEED_FIGURES.receivedPerYear / SEED_FIGURES.population)).toBeCloseTo(1, 1);
  });

  it('has the communes receive what the districts did when there are no districts', () => {
    const share = (kind: AgencyKind) => (receivedByKind.get(kind) ?? 0) / counters.received;
    // Desks' shares: communes 34 %, districts 24 %; in two tiers the communes take both.
    const twoTiers = !directory.units.some((unit) => unit.level === 'district');
    expect(Math.abs(share('commune_committee') - (twoTiers ? 0.58 : 0.34))).toBeLessThan(0.03);
    expect(Math.abs(share('district_committee') - (twoTiers ? 0 : 0.24))).toBeLessThan(0.03);
  });

  it('resolves about 98 % on time, as Bình Phước did (97.98 %)', () => {
    const onTimeRate = counters.resolved_on_time / counters.resolved;
    expect(Math.abs(onTimeRate - SEED_FIGURES.onTimeRate)).toBeLessThan(0.01);
  });

  it('receives about two thirds online, as Bình Phước did (66.17 %)', () => {
    const onlineShare = counters.received_online / counters.received;
    expect(Math.abs(onlineShare - SEED_FIGURES.onlineShare)).toBeLessThan(0.01);
  });

  it('takes about 6 million đồng per online payment, as Bình Phước did', () => {
    const meanPayment = counters.payments_amount_vnd / counters.payments_succeeded;
    expect(Math.abs(meanPayment / SEED_FIGURES.meanPaymentVnd - 1)).toBeLessThan(0.1);
  });

  it('lets a few chronically late agencies stand out from the rest', () => {
    const onTimeRate = (code: string) => {
      const agency = onTimeByAgency.get(code)!;
      return agency.onTime / agency.resolved;
    };
    const chronic = [...stream.model.chronicallyLate];
    expect(chronic).toHaveLength(5);
    const others = [...onTimeByAgency.keys()].filter(
      (code) => !stream.model.chronicallyLate.has(code),
    );
    const othersResolved = others.reduce(
      (sum, code) => sum + onTimeByAgency.get(code)!.resolved,
      0,
    );
    const othersOnTime = others.reduce((sum, code) => sum + onTimeByAgency.get(code)!.onTime, 0);
    for (const code of chronic) expect(onTimeRate(code)).toBeLessThan(0.95);
    expect(othersOnTime / othersResolved).toBeGreaterThan(0.985);
  });

  it('looks like a working province: apologies, ratings, pauses, digitisation', () => {
    const rate = (numerator: number, denominator: number) => numerator / denominator;
    expect(rate(counters.resolved_late_apologized, counters.resolved_late)).toBeGreaterThan(0.8);
    expect(rate(counters.ratings, counters.resolved)).toBeCloseTo(0.2, 1);
    expect(rate(counters.ratings_satisfied, counters.ratings)).toBeGreaterThan(0.9);
    expect(rate(counters.digitization_full, counters.digitization_base)).toBeCloseTo(0.9, 1);
    expect(rate(counters.resolved_result_digitized, counters.resolved)).toBeGreaterThan(0.9);
    expect(counters.payments_failed).toBeGreaterThan(0);
    expect(rate(counters.received_postal, counters.received)).toBeGreaterThan(0);
  });
});
