import { z } from 'zod';

/** Components of the national real-time service index (Decision 766/QĐ-TTg) the streams carry. */
export const SCORE_COMPONENTS = [
  'progress',
  'online',
  'onlinePayment',
  'digitization',
  'satisfaction',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

export interface MetricSettings {
  /** Weight of each component and the rate that earns full marks. */
  score: Record<ScoreComponent, { weight: number; fullAt: number }>;
  /** Units that received fewer dossiers than this are marked `lowSample` in rankings. */
  lowSampleMinReceived: number;
  lateAgency: {
    onTimeTarget: number;
    minResolved: number;
    criticalOverdue: number;
    criticalOldestDays: number;
  };
  /** Targets shown as met / missed (defaults from the Hà Tĩnh 2021 plan). */
  targets: { onTime: number; satisfaction: number; online: number; apology: number };
}

export const DEFAULT_METRIC_SETTINGS: MetricSettings = {
  score: {
    progress: { weight: 20, fullAt: 1 },
    online: { weight: 12, fullAt: 0.5 },
    onlinePayment: { weight: 10, fullAt: 1 },
    digitization: { weight: 22, fullAt: 0.8 },
    satisfaction: { weight: 18, fullAt: 0.9 },
  },
  lowSampleMinReceived: 30,
  lateAgency: { onTimeTarget: 0.985, minResolved: 20, criticalOverdue: 10, criticalOldestDays: 5 },
  targets: { onTime: 0.985, satisfaction: 0.91, online: 0.3, apology: 1 },
};

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
