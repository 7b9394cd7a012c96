/**
 * The demo provinces' directories (units, agencies, procedures), as an operator would import
 * them: raw JSON, validated by `directorySchema` where it is read. A new demo province is a
 * `<name>.directory.json` beside this file and one line below.
 */
import binhPhuoc from './binh-phuoc.directory.json';

/** Bình Phước in 2021: a province, 11 districts and their communes (tỉnh, huyện, xã). */
export const binhPhuocDirectory = binhPhuoc;

export const demoDirectories = { 'binh-phuoc': binhPhuocDirectory } as const;
export type DemoProvince = keyof typeof demoDirectories;
