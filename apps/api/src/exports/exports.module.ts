import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ExportsService } from './exports.service';

/** CSV and XLSX downloads of the read API's tables. */
@Module({
  imports: [CalendarModule],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
