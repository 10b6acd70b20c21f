import { LRUCache } from 'lru-cache';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@lianqiao/contracts';
import { arrayPieces, jsonBuffer } from '../http/json-text';
import { queryAndParameters } from '../persistence/query-shape';
import { decodeKeysetCursor, encodeCursor, refusedCursor, type SortSpec } from './cursor';

/** Up to this many matching rows are counted exactly; past it the planner's estimate is given. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * Planner estimates of large totals, by query and parameters (the caller's scope is among them),
 * kept for a few seconds: paging through a big list or reloading it asks the planner once, not on
 * every page. Exact counts are never kept, so a small list's total is always current.
 */
const estimates = new LRUCache<string, number>({ max: 2_000, ttl: 10_000 });

/**
 * Applies keyset order and the cursor to a query, fetches one row more than asked to know if a
 * next page exists, and counts the filtered total. Counting a million rows on every page
 * would cost more than the page itself, so totals past EXACT_COUNT_LIMIT are the planner's
 * estimate and flagged `totalIsEstimate` (exports always stream every row).
 */
export async function keysetPage<E extends ObjectLiteral, D, R extends { id: string } = E & { id: string }>(
  qb: SelectQueryBuilder<E>,
  options: KeysetOptions & {
    valueOf: (row: R) => string | number | Date | null;
    map: (row: R) => D;
  },
): Promise<Page<D>> {
  const { limit, count } = applyKeyset(qb, options);
  const [rows, total] = await Promise.all([refusedCursor(qb.getMany(), options.cursor), count()]);
  const { items, next } = pageOf(rows as unknown as R[], limit);
  const value = next && options.valueOf(next);
  const nextCursor = next
    ? encodeCursor({ value: value instanceof Date ? value.toISOString() : value, id: next.id })
    : null;
  return { items: items.map(options.map), nextCursor, ...totalOf(total) };
}

/**
 * The same page, with every item made as JSON by PostgreSQL (`item`, an expression such as
 * jsonObjectSql gives) and the page returned as the response's JSON, encoded by jsonBuffer. The
 * hottest lists use it: parsing twenty columns per row into JavaScript values, mapping them and
 * serializing them again cost the API more than the query did. Item fields must match the list's
 * DTO; each such list has a test that its items equal the records' own GET.
 */
export async function keysetJsonPage<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  options: KeysetOptions & { item: string },
): Promise<Buffer> {
  const { limit, count } = applyKeyset(qb, options);
  qb.select(`${options.item}::text`, 'item')
    .addSelect(`${options.column}::text`, 'sort_value')
    .addSelect(`${options.alias}.id`, 'id');
  const [rows, total] = await Promise.all([
    refusedCursor<Array<{ item: string; sort_value: string | null; id: string }>>(
      qb.connection.query(...queryAndParameters(qb)),
      options.cursor,
    ),
    count(),
  ]);
  const { items, next } = pageOf(rows, limit);
  // The cursor's value is the sort column as PostgreSQL prints it: exact to the microsecond.
  const rest = {
    nextCursor: next ? encodeCursor({ value: next.sort_value, id: next.id }) : null,
    ...totalOf(total),
  };
  const pieces = arrayPieces(
    items.map((row) => row.item),
    ['{"items":'],
  );
  pieces.push(',', JSON.stringify(rest).slice(1));
  return jsonBuffer(pieces);
}

/** The page's rows (one more was read to know if a page follows) and the row the next page starts after. */
export function pageOf<R>(rows: R[], limit: number): { items: R[]; next: R | null } {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: items[items.length - 1] ?? null };
}

const totalOf = ({ total, estimate }: { total: number; estimate: boolean }) =>
  estimate ? { total, totalIsEstimate: true } : { total };

interface KeysetOptions {
  alias: string;
  sort: SortSpec<string>;
  /** The SQL expression of the sort field, e.g. "lead.created_at"; ties are broken by id. */
  column: string;
  limit?: number;
  cursor?: string;
  /** The sort column may hold NULLs: they sort last, at the price of an index-unfriendly order. */
  nullable?: boolean;
}

/**
 * Orders the query, applies the cursor and the limit (one row more, to know if a page follows), and
 * gives the count to run beside the page. Only a function: the caller starts both in one
 * Promise.all, so a failing page can never leave the count's rejection unhandled (that ended the
 * process once).
 */
function applyKeyset<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, options: KeysetOptions) {
  const limit = options.limit ?? 50;
  const dir = options.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const cmp = dir === 'ASC' ? '>' : '<';
  const idColumn = `${options.alias}.id`;
  const cursor = options.cursor ? decodeKeysetCursor(options.cursor) : null;
  const countQb = qb.clone().orderBy();
  const count = () => countOf(countQb);

  if (cursor) {
    const { value, id } = cursor;
    if (value === null) {
      qb.andWhere(`(${options.column} IS NULL AND ${idColumn} ${cmp} :cursorId)`, { cursorId: id });
    } else {
      const after = `(${options.column}, ${idColumn}) ${cmp} (${cursorValueSql(qb, options.alias, options.column)}, :cursorId)`;
      qb.andWhere(options.nullable ? `(${after} OR ${options.column} IS NULL)` : after, {
        cursorValue: fallbackValue(value, dir),
        cursorId: id,
      });
    }
  }
  // Without a NULLS clause the order matches the btree indexes, read forwards or backwards.
  qb.orderBy(options.column, dir, options.nullable ? 'NULLS LAST' : undefined)
    .addOrderBy(idColumn, dir)
    .take(undefined)
    .limit(limit + 1);
  return { limit, count };
}

/**
 * The cursor row's sort value as the database holds it. A timestamp reaches the cursor through a
 * JavaScript Date, cut to milliseconds, while PostgreSQL keeps microseconds: compared with the cut
 * value, rows written in the same millisecond (a bulk insert shares one now()) were skipped or
 * repeated. So the value is read back from the cursor's row by its primary key (an init plan: one
 * index probe per page, and the comparison still drives the index), falling back to the cursor's
 * value if that row is gone (soft deletes keep it; only a hard delete loses it).
 */
function cursorValueSql<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, alias: string, column: string): string {
  const prefix = `${alias}.`;
  if (!column.startsWith(prefix)) return ':cursorValue';
  const table = qb.expressionMap.mainAlias!.metadata.tablePath;
  return `coalesce((SELECT keyset_row.${column.slice(prefix.length)} FROM "${table}" keyset_row WHERE keyset_row.id = :cursorId), :cursorValue)`;
}

/**
 * The cursor's own value, for when its row is gone. A timestamp in it is cut to the millisecond, so
 * it is widened to the end of that millisecond going down: the next page may then repeat rows of
 * that one millisecond, but never skips any.
 */
function fallbackValue(value: string | number, dir: 'ASC' | 'DESC'): string | number {
  if (dir === 'ASC' || typeof value !== 'string' || !ISO_MS.test(value)) return value;
  return new Date(Date.parse(value) + 1).toISOString();
}
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The planner's estimate first (no rows read); an exact count, capped, only when the estimate says
 * the set is small. Display-only LEFT JOINs to one row are dropped: they cannot change a count.
 */
async function countOf<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
): Promise<{ total: number; estimate: boolean }> {
  qb.expressionMap.joinAttributes = qb.expressionMap.joinAttributes.filter((join) => join.direction !== 'LEFT');
  const manager = qb.connection.manager;
  const [sql, params] = queryAndParameters(qb.select('1').take(undefined).limit(undefined));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = estimates.get(key);
  if (known !== undefined) return { total: known, estimate: true };
  const [plan] = await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const estimated = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows'] as number);
  if (estimated > EXACT_COUNT_LIMIT) {
    estimates.set(key, estimated);
    return { total: estimated, estimate: true };
  }
  const [{ count }] = await manager.query(
    `SELECT count(*)::int AS count FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
    params,
  );
  if (count <= EXACT_COUNT_LIMIT) return { total: count, estimate: false };
  // The planner guessed small but the count hit its cap: not exact either, and kept like an estimate.
  const total = Math.max(count, estimated);
  estimates.set(key, total);
  return { total, estimate: true };
}
