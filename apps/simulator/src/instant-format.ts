import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const DAYS_KEPT = 1_000;

interface Offset {
  ms: number;
  text: string;
}

/**
 * Writes instants the way a Vietnamese source system does, in local time with its offset
 * (`2026-11-21T08:30:00+07:00`). Offsets are looked up once a day, and only on a day when the
 * zone changes its offset at every call: formatting hundreds of thousands of instants through a
 * time-zone library would dominate a backfill.
 */
export class InstantFormat {
  /** By UTC day: the offset of the whole day, or null when it changes during the day. */
  private readonly offsetsByDay = new Map<number, Offset | null>();

  constructor(private readonly zone: string) {}

  format(instant: number): string {
    const offset = this.offsetAt(instant);
    return new Date(instant + offset.ms).toISOString().slice(0, 19) + offset.text;
  }

  private offsetAt(instant: number): Offset {
    const day = Math.floor(instant / DAY_MS);
    let offset = this.offsetsByDay.get(day);
    if (offset === undefined) {
      const first = this.lookUp(day * DAY_MS);
      offset = first.ms === this.lookUp((day + 1) * DAY_MS - 1).ms ? first : null;
      if (this.offsetsByDay.size >= DAYS_KEPT) this.offsetsByDay.clear();
      this.offsetsByDay.set(day, offset);
    }
    return offset ?? this.lookUp(instant);
  }

  private lookUp(instant: number): Offset {
    const minutes = DateTime.fromMillis(instant, { zone: this.zone }).offset;
    const sign = minutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return { ms: minutes * 60_000, text: `${sign}${hh}:${mm}` };
  }
}
