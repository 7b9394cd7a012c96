import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { local, received, resolved } from '../events';

/**
 * Bình Phước, 1/1 to 31/10/2021, as reported in seed 004 (shared/reference/seed-figures.json),
 * scaled down by 1/100 with each count rounded:
 *
 *   seed                           ÷ 100, rounded
 *   received online     358,294    3,583
 *   direct or postal    183,202    1,832
 *   carried over         20,091      201   (received in December 2020, still open on 1/1)
 *   resolved            549,113    5,491   = 201 carried over + 5,290 received in the window
 *     on time           538,008    5,380
 *     late               11,105      111
 *   in progress          12,465      125   = 5,415 received − 5,290 resolved of them
 *
 * Every due date is sent as `dueAt`, so on time and late do not depend on the calendar: an
 * on-time dossier is due a day after it is resolved (so it is also early), a late one an hour
 * before. The dossiers still open are due 30/11/2021, after the window: none overdue or due soon.
 */
export const WINDOW = { from: '2021-01-01T00:00:00+07:00', to: '2021-10-31T00:00:00+07:00' };
export const NOW = '2021-11-15T12:00:00+07:00';

export const SEED = {
  receivedOnline: 358_294,
  receivedDirectOrPostal: 183_202,
  resolved: 549_113,
  resolvedOnTime: 538_008,
};
export const SCALED = {
  receivedOnline: 3_583,
  receivedDirectOrPostal: 1_832,
  carriedOver: 201,
  resolved: 5_491,
  resolvedOnTime: 5_380,
  resolvedLate: 111,
  inProgress: 125,
};

export const TEST_PROCEDURE = {
  code: 'TEST-SEED004',
  name: 'Thủ tục kiểm thử (phát lại số liệu Bình Phước 2021)',
  field: 'Kiểm thử',
  processingDays: 5,
  onlineLevel: 'full',
  feeVnd: 0,
};

type Channel = 'online' | 'direct' | 'postal';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant as the local wall-clock time the factories take (`2021-01-04T09:00:00`). */
const wallClock = (instant: number) => new Date(instant + 7 * HOUR).toISOString().slice(0, 19);
const at = (localTime: string) => Date.parse(local(localTime));

/** `count` of the indices 0 … total − 1, spread evenly: index i is picked when ⌊(i+1)·count/total⌋ steps up. */
export function spreadEvenly(count: number, total: number): (index: number) => boolean {
  return (index) => Math.floor(((index + 1) * count) / total) > Math.floor((index * count) / total);
}

/** Every district-level unit of the demo directory and its communes, each with its people's committee. */
const places = demoDirectory.units
  .filter((unit) => unit.level !== 'province')
  .map((unit) => ({ unitCode: unit.code, agencyCode: `UBND-${unit.code}` }));

/** Round robin over the places: every district and commune gets dossiers. */
const placeOf = (n: number) => places[n % places.length];

interface Dossier {
  id: string;
  carriedOver: boolean;
  channel: Channel;
  receivedAt: number;
  /** When resolved, and whether by its due date; null when still open at the end of the window. */
  resolution: { at: number; onTime: boolean } | null;
  dueAt: number;
}

function buildDossiers(): Dossier[] {
  const dossiers: Dossier[] = [];
  const receivedInWindow = SCALED.receivedOnline + SCALED.receivedDirectOrPostal;
  const resolvedOfWindow = SCALED.resolved - SCALED.carriedOver;
  const isOnline = spreadEvenly(SCALED.receivedOnline, receivedInWindow);
  const isLate = spreadEvenly(SCALED.resolvedLate, SCALED.resolved);
  let resolvedCount = 0;
  const resolve = (resolvedAt: number) => {
    const onTime = !isLate(resolvedCount++);
    return {
      resolution: { at: resolvedAt, onTime },
      dueAt: onTime ? resolvedAt + DAY : resolvedAt - HOUR,
    };
  };

  // Carried over: received 21–30/12/2020, resolved 4–13/1/2021.
  for (let i = 0; i < SCALED.carriedOver; i++) {
    const receivedAt = at('2020-12-21T09:00:00') + (i % 10) * DAY + (i % 7) * 10 * 60_000;
    const channel: Channel = i % 3 ? 'online' : 'direct';
    dossiers.push({
      id: `BP21-C${i}`,
      carriedOver: true,
      channel,
      receivedAt,
      ...resolve(receivedAt + 14 * DAY),
    });
  }
  // Received in the window: resolved three days later, except the last 125, received in October and still open.
  let directOrPostal = 0;
  for (let i = 0; i < receivedInWindow; i++) {
    const channel: Channel = isOnline(i)
      ? 'online'
      : directOrPostal++ % 4 === 3
        ? 'postal'
        : 'direct';
    if (i < resolvedOfWindow) {
      const receivedAt = at('2021-01-04T08:00:00') + (i % 280) * DAY + (i % 9) * HOUR;
      dossiers.push({
        id: `BP21-${i}`,
        carriedOver: false,
        channel,
        receivedAt,
        ...resolve(receivedAt + 3 * DAY),
      });
    } else {
      const receivedAt = at('2021-10-20T08:00:00') + (i % 10) * DAY;
      const dueAt = at('2021-11-30T17:00:00');
      dossiers.push({
        id: `BP21-${i}`,
        carriedOver: false,
        channel,
        receivedAt,
        resolution: null,
        dueAt,
      });
    }
  }
  return dossiers;
}

export const DOSSIERS = buildDossiers();

/** The expected split of the non-online receipts in the window (one in four of them by post). */
export const RECEIVED_POSTAL = DOSSIERS.filter(
  (d) => !d.carriedOver && d.channel === 'postal',
).length;
export const RECEIVED_DIRECT = SCALED.receivedDirectOrPostal - RECEIVED_POSTAL;

/** The events, each dossier's receipt followed by its resolution. */
export const EVENTS = DOSSIERS.flatMap((dossier, n) => {
  const receipt = received(dossier.id, wallClock(dossier.receivedAt), {
    ...placeOf(n),
    procedureCode: TEST_PROCEDURE.code,
    channel: dossier.channel,
    dueAt: local(wallClock(dossier.dueAt)),
  });
  return dossier.resolution
    ? [receipt, resolved(dossier.id, wallClock(dossier.resolution.at))]
    : [receipt];
});
