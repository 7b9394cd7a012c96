import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, NextWorkingDay } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { READERS, Roles } from '../auth/principal';
import { Clock } from '../clock/clock';
import { CalendarService } from './calendar.service';
import {
  CalendarDaysResponse,
  CalendarOverridesResponse,
  DaysSwappedResponse,
  OverrideRemovedResponse,
  OverrideSetResponse,
} from './dto/calendar-responses';

const isoDate = z.iso.date({ error: 'must be a date like 2026-02-16' });

const note = z.string().trim().max(300).optional();

class OverrideDto extends createZodDto(z.object({ working: z.boolean(), note })) {}

class SwapDto extends createZodDto(
  z.object({ dayOff: isoDate, workingDay: isoDate, note }).strict(),
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
    private readonly clock: Clock,
  ) {}

  /** "Due tomorrow" on a Friday means due on Monday (or after the holidays): ask here. */
  @Roles(...READERS)
  @Get('next-working-day')
  @ApiOperation({
    summary: 'The working day after a local day (default today): what "due tomorrow" means',
    description:
      'A screen lists "due on the next working day" with GET /dossiers?dueOn=<nextWorkingDay>.',
  })
  @ApiQuery({ name: 'date', required: false, description: 'A local day like 2026-11-20' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        nextWorkingDay: { type: 'string', format: 'date' },
      },
    },
  })
  nextWorkingDay(@Query('date') date: string | undefined): NextWorkingDay {
    const day =
      date === undefined ? this.calendar.clock.dateOf(this.clock.now()) : parseDate('date', date);
    try {
      return { date: day, nextWorkingDay: this.calendar.current.nextWorkingDay(day) };
    } catch (error) {
      // The calendar knows a range of years; a day outside it is the caller's mistake.
      throw new BadRequestException(`date: ${(error as Error).message}`);
    }
  }

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

  /** A working day made a day off, and a day off made a working day, in one act. */
  @Roles('admin')
  @Post('swap')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Swap a working day with a day off (both written, or neither)',
    description: '`dayOff` must be a working day now, `workingDay` a day off (400 otherwise).',
  })
  @ApiOkResponse({ type: DaysSwappedResponse })
  async swap(@Body() body: SwapDto, @CurrentActor() actor: AuditActor) {
    await this.calendar.swap(body.dayOff, body.workingDay, body.note);
    await this.audit.record(actor, {
      action: 'calendar.swap',
      target: `${body.dayOff}↔${body.workingDay}`,
      details: { dayOff: body.dayOff, workingDay: body.workingDay, note: body.note ?? null },
    });
    return { ...body, rebuildNeeded: true };
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
