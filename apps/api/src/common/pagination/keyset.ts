import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@lianqiao/contracts';
import { decodeCursor, encodeCursor, SortSpec } from './cursor';

/**
 * Applies keyset order and the cursor to a query, fetches one row more than asked to know if a
 * next page exists, and counts the filtered total. `column` is the SQL expression of the sort
 * field (e.g. "lead.created_at"); ties are broken by id.
 */
export async function keysetPage<E extends ObjectLiteral, D>(
  qb: SelectQueryBuilder<E>,
  options: {
    alias: string;
    sort: SortSpec<string>;
    column: string;
    valueOf: (entity: E) => string | number | Date | null;
    limit?: number;
    cursor?: string;
    map: (entity: E) => D;
    count?: () => Promise<number>;
  },
): Promise<Page<D>> {
  const limit = options.limit ?? 50;
  const dir = options.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const cmp = dir === 'ASC' ? '>' : '<';
  const idColumn = `${options.alias}.id`;
  const countQuery = options.count ? options.count() : qb.clone().orderBy().getCount();

  if (options.cursor) {
    const { value, id } = decodeCursor(options.cursor);
    if (value === null) {
      qb.andWhere(`(${options.column} IS NULL AND ${idColumn} ${cmp} :cursorId)`, { cursorId: id });
    } else {
      qb.andWhere(`((${options.column}, ${idColumn}) ${cmp} (:cursorValue, :cursorId) OR ${options.column} IS NULL)`, {
        cursorValue: value,
        cursorId: id,
      });
    }
  }
  const rows = await qb
    .orderBy(options.column, dir, 'NULLS LAST')
    .addOrderBy(idColumn, dir)
    .take(undefined)
    .limit(limit + 1)
    .getMany();
  const total = await countQuery;
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (hasMore && last) {
    const raw = options.valueOf(last);
    nextCursor = encodeCursor({ value: raw instanceof Date ? raw.toISOString() : raw, id: last.id as string });
  }
  return { items: items.map(options.map), nextCursor, total };
}
