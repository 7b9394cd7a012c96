/**
 * The demo provinces' directories (units, agencies, procedures), as an operator would import
 * them: raw JSON, validated by `directorySchema` where it is read, with the population the
 * simulator sizes its stream to. A new demo province is a `<name>.directory.json` (its sources
 * beside it) and one entry below.
 */
import binhPhuoc from './binh-phuoc.directory.json';
import dongNai2025 from './dong-nai-2025.directory.json';

/** Bình Phước in 2021: a province, 11 districts and their 111 communes (tỉnh, huyện, xã). */
export const binhPhuocDirectory = binhPhuoc;
/** Đồng Nai since 1 July 2025: a province and 95 communes and wards (tỉnh, xã/phường). */
export const dongNai2025Directory = dongNai2025;

export const demoProvinces = {
  'binh-phuoc-2021': {
    directory: binhPhuocDirectory,
    /** Tổng điều tra dân số và nhà ở 2019 (1/4/2019), the census nearest the seed's 2021. */
    population: 994_679,
  },
  'dong-nai-2025': {
    directory: dongNai2025Directory,
    /** Nghị quyết 202/2025/QH15, Điều 1 khoản 17 (see dong-nai-2025.sources.md). */
    population: 4_491_408,
  },
} as const;

export type DemoProvince = keyof typeof demoProvinces;
export const DEMO_PROVINCES = Object.keys(demoProvinces) as [DemoProvince, ...DemoProvince[]];
/** The demo when none is named: the province the seeds describe. */
export const DEFAULT_DEMO_PROVINCE: DemoProvince = 'binh-phuoc-2021';

/** Each demo's directory, raw: parse it with `directorySchema`. */
export const demoDirectories = Object.fromEntries(
  DEMO_PROVINCES.map((province) => [province, demoProvinces[province].directory]),
) as Record<DemoProvince, unknown>;
