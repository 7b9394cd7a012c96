import { addDays, LocalClock, startOfWeek } from '@ioc/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { BriefingService } from './briefing.service';

/** Minutes after local midnight on Monday at which last week is frozen. */
const FREEZE_MINUTE = 5;

/** The next Monday 00:05 local strictly after `now`. */
export function nextFreezeAt(now: number, clock: LocalClock): number {
  const monday = startOfWeek(clock.dateOf(now));
  const thisWeek = clock.startOfDay(monday) + FREEZE_MINUTE * 60_000;
  return thisWeek > now ? thisWeek : clock.startOfDay(addDays(monday, 7)) + FREEZE_MINUTE * 60_000;
}

/**
 * Freezes last week's briefings every Monday at 00:05 local, as measured by the injected clock,
 * so the leaders' Monday-morning briefing is ready and never recomputed. A request after the
 * week's end freezes it too, should this job not have run (the API was down at 00:05, say).
 */
@Injectable()
export class BriefingScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BriefingScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly briefings: BriefingService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const now = this.clock.now();
    const delay = nextFreezeAt(now, this.calendar.clock) - now;
    this.timer = setTimeout(() => void this.run(), delay);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const scopes = await this.briefings.freezeLastWeek();
      this.logger.log(`Froze last week's briefings of ${scopes.length} scopes`);
    } catch (error) {
      // The first request of each scope freezes it instead.
      this.logger.error(`Freezing last week's briefings failed: ${String(error)}`);
    }
    if (this.timer) this.schedule();
  }
}
