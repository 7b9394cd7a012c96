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
