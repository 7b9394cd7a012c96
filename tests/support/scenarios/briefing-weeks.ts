import { paused, received, resolved, withdrawn } from '../events';

/**
 * Two hand-made weeks for the weekly briefing, every figure worked out by hand below. "Now" is
 * Monday 23/11/2026 08:00 (+07:00): week 47 (16–22/11) has just closed, week 46 (9–15/11) is
 * the one before, week 48 is open (Tuesday 24/11 is a day off: Ngày Văn hóa Việt Nam).
 * Field (lĩnh vực) "Hộ tịch": TEST-HT, 2 working days; "Đất đai": TEST-DD, 5 working days.
 */
export const NOW = '2026-11-23T08:00:00+07:00';
export const WEEK = '2026-W47';
export const PREVIOUS_WEEK = '2026-W46';
export const OPEN_WEEK = '2026-W48';

export const BRIEFING_PROCEDURES = [
  {
    code: 'TEST-HT',
    name: 'Đăng ký khai sinh (kiểm thử)',
    field: 'Hộ tịch',
    processingDays: 2,
    onlineLevel: 'full',
    feeVnd: 0,
  },
  {
    code: 'TEST-DD',
    name: 'Đăng ký biến động đất đai (kiểm thử)',
    field: 'Đất đai',
    processingDays: 5,
    onlineLevel: 'partial',
    feeVnd: 0,
  },
];

// Thành phố Đồng Xoài (689): commune Tân Phú (25195). Thị xã Phước Long (688): Thác Mơ (25216).
// Sở Tư pháp (STP) belongs to the province (70) itself.
const tanPhu = { agencyCode: 'UBND-25195', unitCode: '25195' };
const thacMo = { agencyCode: 'UBND-25216', unitCode: '25216' };
const province = { agencyCode: 'STP', unitCode: '70' };
const hoTich = { procedureCode: 'TEST-HT' };
const datDai = { procedureCode: 'TEST-DD' };

export const EVENTS = [
  // Week 46.
  // P1 (Tân Phú, Hộ tịch, online): due Wed 11/11; resolved Tue 10/11 → early.
  received('P1', '2026-11-09T10:00:00', { ...tanPhu, ...hoTich, channel: 'online' }),
  resolved('P1', '2026-11-10T10:00:00'),
  // P2 (Thác Mơ, Đất đai, direct): due Tue 17/11; carried into week 47, resolved Wed 18/11 → late.
  received('P2', '2026-11-10T09:00:00', { ...thacMo, ...datDai, channel: 'direct' }),
  resolved('P2', '2026-11-18T09:00:00'),
  // P3 (Tân Phú, Hộ tịch, online): due Tue 17/11; carried over, resolved that day → on time, not early.
  received('P3', '2026-11-13T10:00:00', { ...tanPhu, ...hoTich, channel: 'online' }),
  resolved('P3', '2026-11-17T15:00:00'),
  // Week 47.
  // C1 (Tân Phú, Hộ tịch, direct): due Wed 18/11; resolved that day → on time, not early.
  received('C1', '2026-11-16T08:00:00', { ...tanPhu, ...hoTich, channel: 'direct' }),
  resolved('C1', '2026-11-18T16:00:00'),
  // C2 (Thác Mơ, Đất đai, postal): due Mon 23/11; resolved Thu 19/11 → early.
  received('C2', '2026-11-16T09:00:00', { ...thacMo, ...datDai, channel: 'postal' }),
  resolved('C2', '2026-11-19T09:00:00'),
  // C3 (Thác Mơ, Hộ tịch, online): due Thu 19/11, still open → overdue at the week's end.
  received('C3', '2026-11-17T09:00:00', { ...thacMo, ...hoTich, channel: 'online' }),
  // C4 (the province's Sở Tư pháp, Đất đai, online): due Thu 26/11 → within the deadline.
  received('C4', '2026-11-18T09:00:00', { ...province, ...datDai, channel: 'online' }),
  // C5 (Tân Phú, Hộ tịch, online): paused that afternoon → within the deadline (its clock stopped).
  received('C5', '2026-11-19T09:00:00', { ...tanPhu, ...hoTich, channel: 'online' }),
  paused('C5', '2026-11-19T14:00:00'),
  // C6 (Tân Phú, Đất đai, direct): withdrawn the next day → received, neither resolved nor open.
  received('C6', '2026-11-19T10:00:00', { ...tanPhu, ...datDai, channel: 'direct' }),
  withdrawn('C6', '2026-11-20T10:00:00'),
];

/** An event for week 47 that arrives after it was frozen: C4 resolved on Friday 20/11. */
export const LATE_EVENT = resolved('C4', '2026-11-20T11:00:00');
