import { demoProvinces } from '@ioc/domain/demo';

/**
 * What Bình Phước reported for 1/1–31/10/2021 (shared/seeds/004, shared/reference/seed-figures.json):
 * the simulated province is calibrated so that a year of its stream gives the same ratios, and
 * as many dossiers per person.
 */
const PERIOD_DAYS = 304;
const RECEIVED_NEW = 358_294 + 183_202; // online + at the desk or by post; carried-over files excluded

export const SEED_FIGURES = {
  /** New dossiers a year for the whole province (≈ 54,000 a month). */
  receivedPerYear: Math.round((RECEIVED_NEW * 365) / PERIOD_DAYS),
  /** The people they served (2019 census): ≈ 0.65 new dossiers a person a year. */
  population: demoProvinces['binh-phuoc-2021'].population,
  /** 538,008 of 549,113 resolved on time: 97.98 %. */
  onTimeRate: 538_008 / 549_113,
  /** 358,294 of 541,496 received online: 66.17 %. */
  onlineShare: 358_294 / RECEIVED_NEW,
  /** 109,537,412,104 đồng in 18,259 online payments: ≈ 6 million đồng each. */
  meanPaymentVnd: 109_537_412_104 / 18_259,
} as const;
