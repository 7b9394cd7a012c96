import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';

/** OpenAPI of `format=csv|xlsx` on a list: every row as a file, named after scope and date. */
export const DOWNLOAD_RESPONSES = () =>
  applyDecorators(
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['csv', 'xlsx'],
      description:
        'Download every row (not one page) as CSV (UTF-8 with BOM) or XLSX, Vietnamese headers; ' +
        'Content-Disposition names the scope and the local date',
    }),
    ApiProduces(
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ),
    ApiResponse({
      status: 200,
      description: 'With format=csv or format=xlsx: the file',
      content: {
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string', format: 'binary' },
        },
      },
    }),
  );
