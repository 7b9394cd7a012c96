import {
  apologized,
  payment,
  paused,
  rating,
  received,
  resolved,
  staffing,
  testProcedure,
} from '../events';

/**
 * One hand-made week in four communes of Đồng Nai (two tiers: no district between a commune and
 * the province), and the stretch of the same length before it; every figure is worked out by
 * hand in tests/integration/two-tier.spec.ts. "Now" is Saturday 21/11/2026 12:00 (+07:00); the
 * week starts Monday 16/11, the window before it on Tuesday 10/11 12:00. Tuesday 24/11 is a day
 * off (Ngày Văn hóa Việt Nam), so a due date past Monday 23/11 lands on Wednesday 25/11.
 */
export const NOW = '2026-11-21T12:00:00+07:00';
export const WEEK_FROM = '2026-11-16T00:00:00+07:00';
/** Few enough dossiers for hand-made figures: a commune with fewer than 3 is a low sample. */
export const METRIC_SETTINGS = JSON.stringify({ lowSampleMinReceived: 3 });

/** Due the 2nd working day after receipt; due the 5th. */
export const PROCEDURES = [testProcedure('TEST-P2', 2), testProcedure('TEST-P5', 5)];

/** The communes and wards of the week, with their people's committees (UBND). */
export const BIEN_HOA = '26068';
export const TRAN_BIEN = '26041';
export const BINH_PHUOC = '25195';
export const DAI_PHUOC = '26491';

const at = (unitCode: string, procedureCode: string, agencyCode = `UBND-${unitCode}`) => ({
  unitCode,
  agencyCode,
  procedureCode,
});

export const EVENTS = [
  // Phường Biên Hòa.
  // A1: due Wed 18; resolved Tue 17, early, result digitised; all 3 components digitised; its
  // fee paid online at once; rated 5.
  received('A1', '2026-11-16T08:00:00', {
    ...at(BIEN_HOA, 'TEST-P2'),
    channel: 'online',
    feeVnd: 100000,
    componentsTotal: 3,
    componentsDigitized: 3,
  }),
  payment('A1', '2026-11-16T08:30:00', 'PAY-A1', 100000, 'succeeded'),
  resolved('A1', '2026-11-17T10:00:00', { resultDigitized: true }),
  rating('A1', '2026-11-17T11:00:00', 5),
  // A2: due Wed 18, apologised for, resolved Thu 19: late all the same; 1 of 2 components; a
  // failed payment, then another transaction that succeeded; rated 2.
  received('A2', '2026-11-16T09:00:00', {
    ...at(BIEN_HOA, 'TEST-P2'),
    channel: 'direct',
    feeVnd: 100000,
    componentsTotal: 2,
    componentsDigitized: 1,
  }),
  payment('A2', '2026-11-16T09:10:00', 'PAY-A2', 100000, 'failed'),
  payment('A2', '2026-11-17T10:00:00', 'PAY-A2B', 100000, 'succeeded'),
  apologized('A2', '2026-11-18T15:00:00', '2026-11-19T17:00:00'),
  resolved('A2', '2026-11-19T09:00:00'),
  rating('A2', '2026-11-19T10:00:00', 2),
  // A3: due Wed 25, in progress.
  received('A3', '2026-11-17T09:00:00', { ...at(BIEN_HOA, 'TEST-P5'), channel: 'online' }),
  // A4: due Fri 20, still open: overdue by 1 day; its fee unpaid.
  received('A4', '2026-11-18T09:00:00', {
    ...at(BIEN_HOA, 'TEST-P2'),
    channel: 'postal',
    feeVnd: 100000,
  }),
  // A5: received at the ward's desk for Sở Tài chính (a provincial department): the ward's
  // dossier, the department's to handle. Due Mon 23, the next working day: due soon.
  received('A5', '2026-11-19T10:00:00', { ...at(BIEN_HOA, 'TEST-P2', 'STC'), channel: 'online' }),
  // A6: received the Thursday before (due Thu 19), resolved Wed 18: carried over, on time, early.
  received('A6', '2026-11-12T09:00:00', { ...at(BIEN_HOA, 'TEST-P5'), channel: 'direct' }),
  resolved('A6', '2026-11-18T14:00:00'),
  // A7: paused on Friday, not resumed.
  received('A7', '2026-11-20T08:00:00', { ...at(BIEN_HOA, 'TEST-P2'), channel: 'direct' }),
  paused('A7', '2026-11-20T10:00:00'),
  staffing(`UBND-${BIEN_HOA}`, '2026-11-16T07:30:00', 100, 92, 5),
  staffing(`UBND-${BIEN_HOA}`, '2026-11-20T07:30:00', 100, 93, 6),
  staffing('STC', '2026-11-16T07:30:00', 60, 55, 2),

  // Phường Trấn Biên: three dossiers the week before, all on time; three this week.
  // B1: due Mon 23, resolved Fri 20 (early), result digitised, both components; rated 4.
  received('B1', '2026-11-16T10:00:00', {
    ...at(TRAN_BIEN, 'TEST-P5'),
    channel: 'online',
    componentsTotal: 2,
    componentsDigitized: 2,
  }),
  resolved('B1', '2026-11-20T16:00:00', { resultDigitized: true }),
  rating('B1', '2026-11-20T17:00:00', 4),
  // B2: due Wed 25, in progress, 4 of 4 components.
  received('B2', '2026-11-17T10:00:00', {
    ...at(TRAN_BIEN, 'TEST-P5'),
    channel: 'online',
    componentsTotal: 4,
    componentsDigitized: 4,
  }),
  // B3: due Thu 19, resolved that afternoon: on time, not early.
  received('B3', '2026-11-17T14:00:00', { ...at(TRAN_BIEN, 'TEST-P2'), channel: 'direct' }),
  resolved('B3', '2026-11-19T16:00:00', { resultDigitized: true }),
  received('BP1', '2026-11-11T09:00:00', { ...at(TRAN_BIEN, 'TEST-P2'), channel: 'direct' }),
  received('BP2', '2026-11-11T09:10:00', { ...at(TRAN_BIEN, 'TEST-P2'), channel: 'direct' }),
  received('BP3', '2026-11-11T09:20:00', { ...at(TRAN_BIEN, 'TEST-P2'), channel: 'direct' }),
  resolved('BP1', '2026-11-12T10:00:00'),
  resolved('BP2', '2026-11-12T10:00:00'),
  resolved('BP3', '2026-11-12T10:00:00'),
  staffing(`UBND-${TRAN_BIEN}`, '2026-11-16T07:30:00', 90, 85, 4),

  // Phường Bình Phước.
  // CP1: received the Thursday before, due Mon 16, resolved that morning: carried over, on time.
  received('CP1', '2026-11-12T09:00:00', { ...at(BINH_PHUOC, 'TEST-P2'), channel: 'direct' }),
  resolved('CP1', '2026-11-16T10:00:00'),
  // C1: due Wed 18, resolved Fri 20 without an apology: late.
  received('C1', '2026-11-16T08:00:00', { ...at(BINH_PHUOC, 'TEST-P2'), channel: 'direct' }),
  resolved('C1', '2026-11-20T09:00:00'),
  // C2: due Wed 18, still open: overdue by 3 days.
  received('C2', '2026-11-16T09:00:00', { ...at(BINH_PHUOC, 'TEST-P2'), channel: 'direct' }),
  // C3: due Thu 19, resolved that morning.
  received('C3', '2026-11-17T08:00:00', { ...at(BINH_PHUOC, 'TEST-P2'), channel: 'online' }),
  resolved('C3', '2026-11-19T09:00:00'),
  staffing(`UBND-${BINH_PHUOC}`, '2026-11-16T07:30:00', 80, 80, 3),

  // Xã Đại Phước: perfect, from 2 dossiers this week and 1 the week before.
  received('D1', '2026-11-16T08:00:00', {
    ...at(DAI_PHUOC, 'TEST-P5'),
    channel: 'online',
    componentsTotal: 1,
    componentsDigitized: 1,
  }),
  resolved('D1', '2026-11-17T10:00:00', { resultDigitized: true }),
  rating('D1', '2026-11-17T11:00:00', 5),
  received('D2', '2026-11-17T08:00:00', {
    ...at(DAI_PHUOC, 'TEST-P5'),
    channel: 'online',
    componentsTotal: 1,
    componentsDigitized: 1,
  }),
  resolved('D2', '2026-11-18T10:00:00', { resultDigitized: true }),
  rating('D2', '2026-11-18T11:00:00', 5),
  received('DP1', '2026-11-11T09:00:00', { ...at(DAI_PHUOC, 'TEST-P5'), channel: 'online' }),
  resolved('DP1', '2026-11-13T10:00:00'),
];
