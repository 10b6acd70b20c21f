import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { EXACT_COUNT_LIMIT } from './keyset';

/** The OpenAPI schema of a Page<T> (common's Page: what keysetPage and keysetJsonPage answer). */
export function pageSchema(item: Type<unknown>) {
  return {
    type: 'object' as const,
    required: ['items', 'nextCursor', 'total'],
    properties: {
      items: { type: 'array' as const, items: { $ref: getSchemaPath(item) } },
      nextCursor: {
        type: 'string' as const,
        nullable: true,
        description: 'pass as `cursor` for the next page; null on the last',
      },
      total: { type: 'integer' as const, description: 'rows matching the filters' },
      totalIsEstimate: {
        type: 'boolean' as const,
        description: `present and true when more than ${EXACT_COUNT_LIMIT} rows match and total is the database's estimate`,
      },
    },
  };
}

/** A list route's 200: a page of `item`. */
export const ApiPageResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: pageSchema(item) }));
