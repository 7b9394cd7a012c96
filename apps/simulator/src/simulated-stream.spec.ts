import {
  addDays,
  directorySchema,
  DossierReceived,
  IngestEvent,
  LocalClock,
  validateEvent,
  WorkingCalendar,
} from '@ioc/domain';
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { SimulatedStream, StreamOptions } from './simulated-stream';

const directory = directorySchema.parse(demoDirectory);
const calendar = new WorkingCalendar(new LocalClock('Asia/Ho_Chi_Minh'));
const { clock } = calendar;
const day = (date: string) => clock.startOfDay(date);
const HOUR_MS = 3_600_000;

function stream(options: Partial<StreamOptions> = {}): SimulatedStream {
  return new SimulatedStream({
    seed: 2021,
    scale: 0.05,
    directory,
    calendar,
    genesis: day('2026-02-01'),
    ...options,
  });
}

const receipts = (events: IngestEvent[]) =>
  events.filter((e): e is DossierReceived => e.type === 'dossier.received');

describe('SimulatedStream', () => {
  const from = day('2026-03-02');
  const to = day('2026-03-05');

  it('gives exactly the same events for the same seed and time range', () => {
    const first = stream().eventsBetween(from, to);
    expect(first.length).toBeGreaterThan(1000);
    expect(stream().eventsBetween(from, to)).toEqual(first);
  });

  it('gives another stream for another seed', () => {
    const ids = (events: IngestEvent[]) => events.map((e) => e.eventId);
    const other = stream({ seed: 7 }).eventsBetween(from, to);
    expect(ids(other)).not.toEqual(ids(stream().eventsBetween(from, to)));
    expect(other).not.toEqual(stream().eventsBetween(from, to));
  });

  it('cuts time into slices that add up to the whole, in order, whatever was asked before', () => {
    const simulated = stream();
    const middle = day('2026-03-03') + 10 * HOUR_MS + 123;
    const slices = [
      ...simulated.eventsBetween(from, middle),
      ...simulated.eventsBetween(middle, to),
    ];
    // Asking again after the cache let the early events go regenerates them.
    expect(simulated.eventsBetween(from, to)).toEqual(slices);
    const instants = slices.map((e) => Date.parse(e.occurredAt));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(Math.min(...instants)).toBeGreaterThanOrEqual(from);
    expect(Math.max(...instants)).toBeLessThan(to);
  });

  it('sends events the ingest API accepts, each with its own short id', () => {
    const events = stream().eventsBetween(day('2026-02-01'), day('2026-03-15'));
    const invalid = events.map(validateEvent).filter((result) => !result.ok);
    expect(invalid).toEqual([]);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(Math.max(...events.map((e) => e.eventId.length))).toBeLessThanOrEqual(64);
    const codes = (list: { code: string }[]) => new Set(list.map((entry) => entry.code));
    const [units, agencies, procedures] = [
      directory.units,
      directory.agencies,
      directory.procedures,
    ].map(codes);
    for (const receipt of receipts(events)) {
      expect(units.has(receipt.unitCode) && agencies.has(receipt.agencyCode)).toBe(true);
      expect(procedures.has(receipt.procedureCode)).toBe(true);
    }
  });

  it('receives nothing at the desks on a public holiday such as Tết, only online', () => {
    // Tết Bính Ngọ: 14–22/02/2026, weekends included.
    const tet = receipts(stream().eventsBetween(day('2026-02-14'), day('2026-02-23')));
    expect(tet.length).toBeGreaterThan(50);
    expect(tet.filter((r) => r.channel !== 'online')).toEqual([]);
  });

  it('receives at the desks on working days in office hours only, busier than online at night', () => {
    const events = receipts(stream().eventsBetween(day('2026-03-02'), day('2026-03-16')));
    const desk = events.filter((r) => r.channel !== 'online');
    expect(desk.length).toBeGreaterThan(200);
    for (const receipt of desk) {
      const at = Date.parse(receipt.occurredAt);
      const hours = clock.timeOfDay(at) / HOUR_MS;
      expect(calendar.isWorkingDay(clock.dateOf(at))).toBe(true);
      expect((hours >= 7.5 && hours < 11.5) || (hours >= 13.5 && hours < 17)).toBe(true);
    }
    const atNight = events.filter((r) => clock.timeOfDay(Date.parse(r.occurredAt)) < 5 * HOUR_MS);
    expect(atNight.length).toBeGreaterThan(0);
    expect(atNight.length).toBeLessThan(events.length * 0.03);
  });

  it('keeps each dossier’s life within the look-back, so a slice never misses an event', () => {
    const genesis = day('2026-01-01');
    const events = stream({ scale: 0.1, genesis }).eventsBetween(genesis, day('2026-09-01'));
    const receivedOn = new Map(
      receipts(events).map((r) => [r.dossierId, clock.dateOf(Date.parse(r.occurredAt))]),
    );
    let longest = 0;
    for (const event of events) {
      if (event.type === 'staffing.reported') continue;
      const lastDay = clock.dateOf(Date.parse(event.occurredAt));
      const firstDay = receivedOn.get(event.dossierId)!;
      longest = Math.max(longest, clock.startOfDay(lastDay) - clock.startOfDay(firstDay));
    }
    const { lookbackDays } = stream();
    expect(longest / (24 * HOUR_MS)).toBeLessThanOrEqual(lookbackDays);
  });

  it('adds dossiers after the same first ones at a larger scale', () => {
    const ids = (s: SimulatedStream) => new Set(s.eventsBetween(from, to).map((e) => e.eventId));
    const small = ids(stream({ scale: 0.05 }));
    const large = ids(stream({ scale: 0.1 }));
    expect(large.size).toBeGreaterThan(small.size * 1.5);
    expect([...small].filter((id) => !large.has(id))).toEqual([]);
  });

  it('receives `speed` times as many dossiers while accelerated, keeping the ordinary ones', () => {
    const acceleratedFrom = day('2026-03-03') + 9 * HOUR_MS;
    const acceleratedTo = day('2026-03-03') + 15 * HOUR_MS;
    const accelerations = [{ from: acceleratedFrom, to: acceleratedTo, speed: 5 }];
    const ordinary = stream().eventsBetween(from, to);
    const accelerated = stream({ accelerations }).eventsBetween(from, to);
    const ids = new Set(accelerated.map((e) => e.eventId));
    expect(ordinary.filter((e) => !ids.has(e.eventId))).toEqual([]);

    const inside = (events: IngestEvent[]) =>
      receipts(events).filter((r) => {
        const at = Date.parse(r.occurredAt);
        return at >= acceleratedFrom && at < acceleratedTo;
      }).length;
    expect(inside(accelerated) / inside(ordinary)).toBeGreaterThan(4);
    expect(receipts(accelerated).length - inside(accelerated)).toBe(
      receipts(ordinary).length - inside(ordinary),
    );
  });

  it('starts with the genesis: nothing is received before it', () => {
    const genesis = day('2026-03-03') + 12 * HOUR_MS;
    const events = stream({ genesis }).eventsBetween(day('2026-03-01'), to);
    expect(Math.min(...events.map((e) => Date.parse(e.occurredAt)))).toBeGreaterThanOrEqual(
      genesis,
    );
  });

  it('reports staffing for every agency at the 7:30 and 13:30 shift changes of working days', () => {
    const reports = stream()
      .eventsBetween(day('2026-03-06'), day(addDays('2026-03-06', 3)))
      .filter((e) => e.type === 'staffing.reported');
    // Friday's two shifts; nothing on the weekend.
    expect(reports).toHaveLength(directory.agencies.length * 2);
    const times = new Set(reports.map((r) => clock.timeOfDay(Date.parse(r.occurredAt)) / HOUR_MS));
    expect([...times].sort()).toEqual([13.5, 7.5]);
    for (const report of reports) {
      if (report.type !== 'staffing.reported') continue;
      expect(report.headcount).toBeLessThanOrEqual(report.quota);
      expect(report.recruited).toBeLessThanOrEqual(report.streamlined!);
    }
  });
});
