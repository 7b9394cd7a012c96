import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A rate from 0 to 1, or null when there is nothing to divide by. */
const rate = z.number().nullable();
const count = z.number().int();
const target = z.object({ target: z.number(), actual: rate, met: z.boolean().nullable() });

/** The shape of `MetricsSummary` (libs/domain contracts), field for field (SPEC §5). */
export class MetricsSummaryResponse extends createZodDto(
  z.object({
    scope: z.string(),
    agency: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    asOf: z.string().describe('Every event stored before this instant is in the figures'),
    computedAt: z.string(),
    received: z.object({ total: count, online: count, direct: count, postal: count }),
    carriedOver: count,
    resolved: z.object({ total: count, onTime: count, early: count, late: count }),
    inProgress: z.object({ total: count, overdue: count, dueSoon: count, paused: count }),
    rates: z.object({
      onTime: rate,
      progress: rate,
      online: rate,
      digitization: rate,
      resultDigitization: rate,
      onlinePayment: rate,
      satisfaction: rate,
      apology: rate,
    }),
    payments: z.object({ succeeded: count, amountVnd: z.number(), failed: count }),
    ratings: z.object({ total: count, satisfied: count }),
    staffing: z.object({
      quota: count,
      headcount: count,
      vacancies: count,
      onDuty: count,
      inProgressPerOnDuty: z.number().nullable(),
    }),
    score: z.number().nullable(),
    targets: z.object({ onTime: target, satisfaction: target, online: target, apology: target }),
  }),
) {}

export class DailySeriesResponse extends createZodDto(
  z.object({
    scope: z.string(),
    from: z.string(),
    to: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        received: count,
        resolved: count,
        resolvedOnTime: count,
        paymentsSucceeded: count,
        paymentsAmountVnd: z.number(),
      }),
    ),
  }),
) {}
