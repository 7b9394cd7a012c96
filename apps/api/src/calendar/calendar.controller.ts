import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  NotFoundException,
  Param,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { addDays } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { READERS, Roles } from '../auth/principal';
import { CalendarService } from './calendar.service';
import {
  CalendarDaysResponse,
  CalendarOverridesResponse,
  OverrideRemovedResponse,
  OverrideSetResponse,
} from './dto/calendar-responses';

const isoDate = z.iso.date({ error: 'must be a date like 2026-02-16' });

class OverrideDto extends createZodDto(
  z.object({ working: z.boolean(), note: z.string().max(300).optional() }),
) {}

/**
 * Working days as used for due dates. Operators add a day off (`working: false`), remove one or
 * announce a make-up day (`working: true`); a swap is two such days. Derived figures of the
 * past follow after `npm run rebuild`.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  @Roles(...READERS)
  @Get('days')
  @ApiOperation({
    summary: 'Working day or not, and why, for each day from `from` to `to` (≤ 400)',
  })
  @ApiOkResponse({ type: CalendarDaysResponse })
  days(@Query('from') from: string, @Query('to') to: string) {
    const start = parseDate('from', from);
    const end = parseDate('to', to);
    if (end < start || addDays(start, 400) < end) {
      throw new BadRequestException('to: must be on or after from, at most 400 days later');
    }
    const rows = [];
    for (let day = start; day <= end; day = addDays(day, 1))
      rows.push(this.calendar.current.describe(day));
    return { rows };
  }

  @Roles('admin')
  @Get('overrides')
  @ApiOperation({ summary: 'The operator’s overrides of the working calendar' })
  @ApiOkResponse({ type: CalendarOverridesResponse })
  async overrides() {
    return { rows: await this.calendar.overrides() };
  }

  @Roles('admin')
  @Put('overrides/:date')
  @ApiOperation({ summary: 'Make a day a day off or a working day (a swap is two such days)' })
  @ApiOkResponse({ type: OverrideSetResponse })
  async setOverride(
    @Param('date') date: string,
    @Body() body: OverrideDto,
    @CurrentActor() actor: AuditActor,
  ) {
    await this.calendar.setOverride(parseDate('date', date), body.working, body.note);
    await this.audit.record(actor, {
      action: 'calendar.override_set',
      target: date,
      details: body,
    });
    return { date, working: body.working, rebuildNeeded: true };
  }

  @Roles('admin')
  @Delete('overrides/:date')
  @ApiOperation({ summary: 'Remove an override: the day follows the announced calendar again' })
  @ApiOkResponse({ type: OverrideRemovedResponse })
  async removeOverride(@Param('date') date: string, @CurrentActor() actor: AuditActor) {
    if (!(await this.calendar.removeOverride(parseDate('date', date)))) {
      throw new NotFoundException(`No override on ${date}`);
    }
    await this.audit.record(actor, { action: 'calendar.override_remove', target: date });
    return { date, removed: true, rebuildNeeded: true };
  }
}

function parseDate(name: string, value: string | undefined): string {
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new BadRequestException(`${name}: must be a date like 2026-02-16`);
  return parsed.data;
}
