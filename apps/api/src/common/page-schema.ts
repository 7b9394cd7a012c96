import { z } from 'zod';

/** One page of a list answer: `rows` of `page` (from 1), `pageSize` a page, `total` in all. */
export const pageOf = <Row extends z.ZodType>(row: Row) =>
  z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(row),
  });
