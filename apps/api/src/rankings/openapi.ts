import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { INSTANT_SCHEMA, WINDOW_PROPERTIES } from '../common/openapi-schemas';

const rate = { type: 'number', nullable: true, description: '0 to 1; null for no data' } as const;

const RATES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'onTime',
      'progress',
      'online',
      'digitization',
      'resultDigitization',
      'onlinePayment',
      'satisfaction',
      'apology',
    ].map((name) => [name, rate]),
  ),
};

const component: SchemaObject = {
  type: 'object',
  properties: {
    rate: { type: 'number' },
    points: { type: 'number', description: 'Of the score; a row’s points add up to its score' },
    weight: { type: 'number' },
    fullAt: { type: 'number', description: 'The rate that earns full marks' },
  },
};

export const RANKING_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    reference: {
      type: 'object',
      description:
        'The whole ranking in brief, even when rows holds only the caller’s: ranked (N), best ' +
        '(rank 1: code, name, score, components), median (score and component rates of the ' +
        'rows that are not lowSample)',
    },
    level: { type: 'string', enum: ['district', 'commune', 'agency'] },
    kind: { type: 'string', nullable: true },
    ...WINDOW_PROPERTIES,
    previousFrom: INSTANT_SCHEMA,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rank: { type: 'integer' },
          previousRank: { type: 'integer', nullable: true },
          code: { type: 'string' },
          name: { type: 'string' },
          score: { type: 'number', nullable: true },
          lowSample: { type: 'boolean' },
          received: { type: 'integer' },
          resolved: { type: 'integer' },
          inProgress: { type: 'integer' },
          overdue: { type: 'integer' },
          rates: RATES_SCHEMA,
          components: {
            type: 'object',
            description: 'The score components with data',
            properties: Object.fromEntries(
              ['progress', 'online', 'onlinePayment', 'digitization', 'satisfaction'].map(
                (name) => [name, component],
              ),
            ),
          },
        },
      },
    },
  },
};
