import { z } from 'zod';
import { MetricSettings, SCORE_COMPONENTS, ScoreComponent } from './metric-settings';

// Apart from the settings themselves: the browser reads those, and never needs zod.
const share = z.number().gt(0, 'must be above 0').lte(1, 'must be at most 1 (a rate)');
const wholeCount = z.number().int('must be a whole number').nonnegative('must not be negative');

/**
 * What an operator may override of the settings (`METRIC_SETTINGS`): any part of them, each
 * value checked; an unknown name is refused, so a misspelt one cannot be silently ignored.
 */
export const metricSettingsOverrideSchema = z
  .object({
    score: z
      .object(
        Object.fromEntries(
          SCORE_COMPONENTS.map((component) => [
            component,
            z
              .object({
                weight: z.number().positive('must be above 0'),
                fullAt: share,
              })
              .strict(),
          ]),
        ) as Record<
          ScoreComponent,
          z.ZodObject<{ weight: z.ZodNumber; fullAt: z.ZodNumber }, z.core.$strict>
        >,
      )
      .partial()
      .strict(),
    lowSampleMinReceived: wholeCount,
    lateAgency: z
      .object({
        onTimeTarget: share,
        minResolved: wholeCount,
        criticalOverdue: wholeCount.min(1, 'must be at least 1'),
        criticalOldestDays: wholeCount,
      })
      .partial()
      .strict(),
    targets: z
      .object({ onTime: share, satisfaction: share, online: share, apology: share })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export type MetricSettingsOverride = z.infer<typeof metricSettingsOverrideSchema>;

/** The defaults with an operator's override laid over them, part by part. */
export function mergeMetricSettings(
  defaults: MetricSettings,
  override: MetricSettingsOverride,
): MetricSettings {
  return {
    score: { ...defaults.score, ...override.score },
    lowSampleMinReceived: override.lowSampleMinReceived ?? defaults.lowSampleMinReceived,
    lateAgency: { ...defaults.lateAgency, ...override.lateAgency },
    targets: { ...defaults.targets, ...override.targets },
  };
}
