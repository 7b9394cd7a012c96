import {
  addCounters,
  deriveDossierState,
  directorySchema,
  DossierEvent,
  isDossierEvent,
  LocalClock,
  WorkingCalendar,
  zeroCounters,
} from '@ioc/domain';
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { SEED_FIGURES } from './seed-figures';
import { SimulatedStream } from './simulated-stream';

const directory = directorySchema.parse(demoDirectory);
const calendar = new WorkingCalendar(new LocalClock('Asia/Ho_Chi_Minh'));
const { clock } = calendar;
const processingDays = new Map(directory.procedures.map((p) => [p.code, p.processingDays]));

/**
 * A simulated year, counted with the metric definitions the API uses (each dossier's state derived
 * from its events, its facts summed over the window), must give Bình Phước's ratios. The ratios
 * do not depend on the scale, so a small one keeps the test quick.
 */
describe('SimulatedStream over a year', () => {
  const from = clock.startOfDay('2025-01-01');
  const to = clock.startOfDay('2026-01-01');
  // A quarter before the year, so that it opens with dossiers carried over.
  const genesis = clock.startOfDay('2024-10-01');
  const stream = new SimulatedStream({ seed: 2021, scale: 0.05, directory, calendar, genesis });

  const byDossier = new Map<string, DossierEvent[]>();
  for (const event of stream.eventsBetween(genesis, to).filter(isDossierEvent)) {
    const events = byDossier.get(event.dossierId) ?? [];
    events.push(event);
    byDossier.set(event.dossierId, events);
  }
  const context = { calendar, processingDays: (code: string) => processingDays.get(code) };
  const counters = zeroCounters();
  const onTimeByAgency = new Map<string, { resolved: number; onTime: number }>();
  for (const [dossierId, events] of byDossier) {
    const state = deriveDossierState(dossierId, events, context);
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

  it('receives about a year of the seed’s volume at the scale asked for', () => {
    expect(counters.received / (SEED_FIGURES.receivedPerYear * 0.05)).toBeCloseTo(1, 1);
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
