/**
 * A small, seeded stream of valid events over the demo directory, for the wall's soak benchmark
 * (its browser tests run the product's simulator): a backfill of past weeks (so every panel and
 * trend has data), then a few dossiers a second. Districts differ in quality so the ranking has
 * spread and movement. Memory stays bounded however long it runs: only a capped pool of open
 * dossiers is kept.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const MAX_OPEN = 4_000;

export interface TrafficAgency {
  code: string;
  unitCode: string;
  kind: string;
}

export interface TrafficProcedure {
  code: string;
  processingDays: number;
  feeVnd: number;
}

export interface TrafficUnit {
  code: string;
  level: string;
  parentCode: string | null;
}

export interface TrafficDirectory {
  units: TrafficUnit[];
  agencies: TrafficAgency[];
  procedures: TrafficProcedure[];
}

export type TrafficEvent = Record<string, string | number | boolean>;

interface OpenDossier {
  dossierId: string;
  receivedAt: number;
  dueAt: number;
  feeVnd: number;
  paid: boolean;
  quality: DistrictQuality;
}

interface DistrictQuality {
  onTime: number;
  online: number;
  digitized: number;
  satisfied: number;
}

/** mulberry32: tiny, seeded, good enough for test traffic. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An instant as local Vietnamese time with its offset: `2026-11-21T10:42:05.000+07:00`. */
export function localIso(instant: number): string {
  return new Date(instant + VIETNAM_OFFSET_MS).toISOString().replace('Z', '+07:00');
}

export class WallTraffic {
  private readonly random: () => number;
  private readonly agencies: (TrafficAgency & { quality: DistrictQuality })[];
  private readonly procedures: TrafficProcedure[];
  private readonly open: OpenDossier[] = [];
  private sequence = 0;
  private readonly prefix: string;

  constructor(directory: TrafficDirectory, seed = 7, prefix = 'wall') {
    this.random = randomSource(seed);
    this.prefix = prefix;
    const province = directory.units.find((unit) => unit.level === 'province');
    const parentOf = new Map(directory.units.map((unit) => [unit.code, unit.parentCode]));
    // The ranked unit (district) an agency belongs to: walk up to the child of the province.
    const districtOf = (unitCode: string): string => {
      let code = unitCode;
      while (parentOf.get(code) && parentOf.get(code) !== province?.code)
        code = parentOf.get(code)!;
      return code;
    };
    const qualities = new Map<string, DistrictQuality>();
    const qualityOf = (district: string): DistrictQuality => {
      let quality = qualities.get(district);
      if (!quality) {
        quality = {
          onTime: 0.9 + this.random() * 0.095,
          online: 0.2 + this.random() * 0.45,
          digitized: 0.45 + this.random() * 0.5,
          satisfied: 0.75 + this.random() * 0.24,
        };
        qualities.set(district, quality);
      }
      return quality;
    };
    this.agencies = directory.agencies.map((agency) => ({
      ...agency,
      quality: qualityOf(districtOf(agency.unitCode)),
    }));
    this.procedures = directory.procedures.filter((procedure) => procedure.processingDays > 0);
  }

  private id(kind: string): string {
    return `${this.prefix}-${kind}-${++this.sequence}`;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** One dossier received at `at`, and whatever of its life has happened by `now`. */
  private dossier(at: number, now: number): TrafficEvent[] {
    const agency = this.pick(this.agencies);
    const procedure = this.pick(this.procedures);
    const quality = agency.quality;
    const dossierId = this.id('d');
    const roll = this.random();
    const channel = roll < quality.online ? 'online' : roll < 0.96 ? 'direct' : 'postal';
    const componentsTotal = 1 + Math.floor(this.random() * 4);
    const componentsDigitized =
      this.random() < quality.digitized
        ? componentsTotal
        : Math.floor(this.random() * componentsTotal);
    const dueAt = at + Math.max(1, procedure.processingDays) * DAY_MS * 1.4;
    const events: TrafficEvent[] = [
      {
        eventId: this.id('rcv'),
        type: 'dossier.received',
        occurredAt: localIso(at),
        dossierId,
        procedureCode: procedure.code,
        agencyCode: agency.code,
        unitCode: agency.unitCode,
        channel,
        dueAt: localIso(dueAt),
        componentsTotal,
        componentsDigitized,
        feeVnd: procedure.feeVnd,
      },
    ];
    const dossier: OpenDossier = {
      dossierId,
      receivedAt: at,
      dueAt,
      feeVnd: procedure.feeVnd,
      paid: false,
      quality,
    };
    // Paid within two hours, and never after `now`: today's dossiers have their payments too.
    if (procedure.feeVnd > 0 && channel === 'online' && this.random() < 0.8)
      events.push(...this.payment(dossier, at + this.random() * Math.min(2 * HOUR_MS, now - at)));
    const lateness =
      this.random() < quality.onTime ? this.random() * 0.95 : 1.02 + this.random() * 0.5;
    const resolvedAt = at + (dueAt - at) * lateness;
    if (resolvedAt <= now) events.push(...this.resolution(dossier, resolvedAt, now));
    else this.keepOpen(dossier);
    return events;
  }

  private payment(dossier: OpenDossier, at: number): TrafficEvent[] {
    const succeeded = this.random() < 0.96;
    if (succeeded) dossier.paid = true;
    return [
      {
        eventId: this.id('pay'),
        type: 'payment.completed',
        occurredAt: localIso(at),
        dossierId: dossier.dossierId,
        paymentId: this.id('p'),
        amountVnd: dossier.feeVnd,
        status: succeeded ? 'succeeded' : 'failed',
      },
    ];
  }

  private resolution(dossier: OpenDossier, at: number, now: number): TrafficEvent[] {
    const events: TrafficEvent[] = [
      {
        eventId: this.id('res'),
        type: 'dossier.resolved',
        occurredAt: localIso(at),
        dossierId: dossier.dossierId,
        outcome: this.random() < 0.97 ? 'approved' : 'rejected',
        resultDigitized: this.random() < 0.85,
      },
    ];
    const ratedAt = at + this.random() * 4 * HOUR_MS;
    if (this.random() < 0.35 && ratedAt <= now) {
      const score =
        this.random() < dossier.quality.satisfied
          ? 4 + Math.round(this.random())
          : 1 + Math.floor(this.random() * 3);
      events.push({
        eventId: this.id('rat'),
        type: 'rating.submitted',
        occurredAt: localIso(ratedAt),
        dossierId: dossier.dossierId,
        score,
      });
    }
    return events;
  }

  private keepOpen(dossier: OpenDossier): void {
    this.open.push(dossier);
    if (this.open.length > MAX_OPEN) this.open.splice(0, this.open.length - MAX_OPEN);
  }

  /** Staffing reports of every agency, as of `at`. */
  staffing(at: number): TrafficEvent[] {
    return this.agencies.map((agency) => {
      const quota =
        agency.kind === 'department'
          ? 40 + Math.floor(this.random() * 60)
          : 8 + Math.floor(this.random() * 20);
      const headcount = quota - Math.floor(this.random() * Math.max(1, quota * 0.12));
      const onDuty = Math.max(1, Math.floor(headcount * (0.05 + this.random() * 0.1)));
      return {
        eventId: this.id('stf'),
        type: 'staffing.reported',
        occurredAt: localIso(at),
        agencyCode: agency.code,
        quota,
        headcount,
        onDuty,
      };
    });
  }

  /**
   * `perDay` dossiers a day over the `days` before `now` (office hours, fewer at weekends), with
   * their lives so far. Today gets a full day's volume over its elapsed part, whatever the hour
   * and weekday: the "today" figures a test reads are never empty.
   */
  backfill(now: number, days: number, perDay: number): TrafficEvent[] {
    const events: TrafficEvent[] = this.staffing(now - days * DAY_MS);
    const startOfToday = now - ((now + VIETNAM_OFFSET_MS) % DAY_MS);
    for (let day = days; day >= 1; day--) {
      const dayStart = startOfToday - day * DAY_MS;
      const weekday = new Date(dayStart + VIETNAM_OFFSET_MS).getUTCDay();
      const volume = weekday === 0 || weekday === 6 ? Math.round(perDay * 0.15) : perDay;
      for (let n = 0; n < volume; n++)
        events.push(...this.dossier(dayStart + 7.5 * HOUR_MS + this.random() * 9.5 * HOUR_MS, now));
    }
    for (let n = 0; n < perDay; n++)
      events.push(...this.dossier(startOfToday + this.random() * (now - startOfToday), now));
    return events;
  }

  /** What happens in one live second: `received` new dossiers, and some open ones resolved or paid. */
  tick(now: number, received = 2): TrafficEvent[] {
    const events: TrafficEvent[] = [];
    for (let n = 0; n < received; n++) events.push(...this.dossier(now - this.random() * 500, now));
    const resolving = Math.min(
      this.open.length,
      Math.round(received * 0.8 * (0.5 + this.random())),
    );
    for (let n = 0; n < resolving; n++) {
      const index = Math.floor(this.random() * this.open.length);
      const [dossier] = this.open.splice(index, 1);
      if (dossier.feeVnd > 0 && !dossier.paid && this.random() < 0.5)
        events.push(...this.payment(dossier, now - 1_000));
      events.push(...this.resolution(dossier, now, now));
    }
    return events;
  }
}

/**
 * Posts events to the ingest API in requests of at most 5,000; with `wait` the API answers once
 * the figures include them (a backfill), without it as soon as they are stored (live traffic).
 */
export async function postEvents(
  baseUrl: string,
  events: readonly TrafficEvent[],
  { wait = true, key = 'demo-ingest-key' }: { wait?: boolean; key?: string } = {},
): Promise<number> {
  let accepted = 0;
  for (let start = 0; start < events.length; start += 5_000) {
    const response = await fetch(`${baseUrl}/api/v1/events?wait=${wait}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
      body: JSON.stringify({ events: events.slice(start, start + 5_000) }),
    });
    if (response.status !== 202)
      throw new Error(`ingest: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accepted: number; rejected: { errors: string[] }[] };
    if (body.rejected.length > 0)
      throw new Error(
        `ingest rejected ${body.rejected.length}: ${JSON.stringify(body.rejected[0])}`,
      );
    accepted += body.accepted;
  }
  return accepted;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Logs in as a demo user (password `demo`) and answers the access token. */
export async function adminToken(baseUrl: string, username = 'admin'): Promise<string> {
  const login = await json<{ accessToken: string }>(
    await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    }),
  );
  return login.accessToken;
}

/** Logs in as the demo admin and issues a wall kiosk token (`wall_…`). */
export async function issueWallToken(baseUrl: string, name = 'Wall test'): Promise<string> {
  const accessToken = await adminToken(baseUrl);
  const key = await json<{ key: string }>(
    await fetch(`${baseUrl}/api/v1/admin/keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ kind: 'wall', name }),
    }),
  );
  return key.key;
}
