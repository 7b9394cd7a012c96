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
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, NextWorkingDay } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { READERS, Roles } from '../auth/principal';
import { Clock } from '../clock/clock';
import { CalendarService } from './calendar.service';

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
  async overrides() {
    return { rows: await this.calendar.overrides() };
  }

  @Roles('admin')
  @Put('overrides/:date')
  async setOverride(@Param('date') date: string, @Body() body: OverrideDto) {
    await this.calendar.setOverride(parseDate('date', date), body.working, body.note);
    return { date, working: body.working, rebuildNeeded: true };
  }

  @Roles('admin')
  @Delete('overrides/:date')
  async removeOverride(@Param('date') date: string) {
    if (!(await this.calendar.removeOverride(parseDate('date', date)))) {
      throw new NotFoundException(`No override on ${date}`);
    }
    return { date, removed: true, rebuildNeeded: true };
  }
}

function parseDate(name: string, value: string | undefined): string {
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new BadRequestException(`${name}: must be a date like 2026-02-16`);
  return parsed.data;
}
