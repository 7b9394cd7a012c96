import { apologized, payment, paused, rating, received, resolved, staffing } from '../events';

/**
 * One hand-made week in two districts of the demo directory, every figure worked out by hand
 * below. "Now" is Saturday 21/11/2026 12:00 (+07:00); the week window starts Monday 16/11.
 * Procedures: TEST-P2 (2 working days), TEST-P5 (5 working days).
 */
export const NOW = '2026-11-21T12:00:00+07:00';
export const WEEK_FROM = '2026-11-16T00:00:00+07:00';

export const TEST_PROCEDURES = [
  {
    code: 'TEST-P2',
    name: 'Thủ tục kiểm thử 2 ngày',
    field: 'Kiểm thử',
    processingDays: 2,
    onlineLevel: 'full',
    feeVnd: 100000,
  },
  {
    code: 'TEST-P5',
    name: 'Thủ tục kiểm thử 5 ngày',
    field: 'Kiểm thử',
    processingDays: 5,
    onlineLevel: 'partial',
    feeVnd: 0,
  },
];

// Đồng Xoài (689): commune Tân Phú (25195). Phước Long (688): commune Thác Mơ (25216).
const tanPhu = { agencyCode: 'UBND-25195', unitCode: '25195' };
const thacMo = { agencyCode: 'UBND-25216', unitCode: '25216' };

const d1 = received('D1', '2026-11-16T09:00:00', {
  ...tanPhu,
  procedureCode: 'TEST-P5',
  channel: 'online',
});
const d2Resolved = resolved('D2', '2026-11-19T08:00:00');

export const EVENTS = [
  // D1: due Mon 23/11; resolved Thu 19/11 → on time and early; rated 5.
  d1,
  resolved('D1', '2026-11-19T10:00:00'),
  rating('D1', '2026-11-19T10:30:00', 5),
  // D2 (its resolution arrives before its receipt): due Wed 18/11 end; resolved Thu 19/11 → late, with an apology.
  d2Resolved,
  received('D2', '2026-11-16T10:00:00', {
    ...tanPhu,
    procedureCode: 'TEST-P2',
    channel: 'direct',
    feeVnd: 100000,
  }),
  apologized('D2', '2026-11-18T16:00:00', '2026-11-19T17:00:00'),
  // D3: due Thu 19/11 end; still open → overdue 2 days on Sat 21/11; failed then succeeded payment.
  received('D3', '2026-11-17T09:00:00', {
    ...tanPhu,
    procedureCode: 'TEST-P2',
    channel: 'postal',
    feeVnd: 100000,
  }),
  payment('D3', '2026-11-17T10:00:00', 'PAY-3', 100000, 'failed'),
  payment('D3', '2026-11-17T10:05:00', 'PAY-3', 100000, 'succeeded'),
  // D4: paused Thu 19/11 and not resumed → paused, not overdue.
  received('D4', '2026-11-18T09:00:00', { ...tanPhu, procedureCode: 'TEST-P2', channel: 'online' }),
  paused('D4', '2026-11-19T09:00:00'),
  // D5: due Mon 23/11, the next working day after Saturday → due soon.
  received('D5', '2026-11-19T09:00:00', { ...tanPhu, procedureCode: 'TEST-P2', channel: 'direct' }),
  // D6: received the week before (due Fri 20/11), resolved Wed 18/11 → carried over, on time, early.
  received('D6', '2026-11-13T09:00:00', { ...tanPhu, procedureCode: 'TEST-P5', channel: 'direct' }),
  resolved('D6', '2026-11-18T15:00:00'),
  // D7 in Phước Long: 1 of 2 components digitised; resolved Fri 20/11 with a digitised result; rated 3.
  received('D7', '2026-11-16T11:00:00', {
    ...thacMo,
    procedureCode: 'TEST-P5',
    channel: 'online',
    componentsTotal: 2,
    componentsDigitized: 1,
  }),
  resolved('D7', '2026-11-20T14:00:00', { resultDigitized: true }),
  rating('D7', '2026-11-20T15:00:00', 3),
  // Staffing: Tân Phú's later report replaces the earlier one.
  staffing('UBND-25195', '2026-11-16T07:30:00', 10, 8, 2),
  staffing('UBND-25195', '2026-11-20T07:30:00', 10, 9, 3),
  staffing('UBND-25216', '2026-11-16T07:30:00', 5, 5, 1),
  // Sent again: a duplicate changes nothing.
  d1,
];
