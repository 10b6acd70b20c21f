import type { Page } from '@lianqiao/contracts';
import type { EntityManager } from 'typeorm';
import { decodeKeysetCursor, encodeCursor, refusedCursor } from './cursor';
import { pageOf } from './keyset';

/** Positional parameters for hand-written SQL: `sql.param(value)` gives `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Keyset pagination over a derived table, for lists sorted by a computed figure (a roadshow's
 * leads, a trip's contracted 万元). The inner query computes every row's figures; the outer one
 * applies the cursor on (figure, id), so the order and the pages are the server's, and a deep page
 * costs what the first does. Computing the figures for every visible row is fine at the size of
 * these lists (hundreds of events a year), and it keeps the order exact.
 */
export async function rawKeysetPage<R extends { id: string }, D>(
  manager: EntityManager,
  options: {
    /** SELECT … FROM … WHERE …, with the sort column among its output columns. */
    inner: string;
    /** SELECT count(*) … with the same filters. */
    count: string;
    params: SqlParams;
    column: string;
    direction: 'asc' | 'desc';
    nullable?: boolean;
    limit?: number;
    cursor?: string;
    map: (row: R) => D;
  },
): Promise<Page<D>> {
  const limit = options.limit ?? 50;
  const dir = options.direction === 'asc' ? 'ASC' : 'DESC';
  const cmp = dir === 'ASC' ? '>' : '<';
  const column = `y."${options.column}"`;
  const countParams = [...options.params.values];
  const sql = options.params;
  let where = '';
  if (options.cursor) {
    const { value, id } = decodeKeysetCursor(options.cursor);
    if (value === null) {
      where = `WHERE ${column} IS NULL AND y.id ${cmp} ${sql.param(id)}`;
    } else {
      const after = `(${column}, y.id) ${cmp} (${sql.param(value)}, ${sql.param(id)})`;
      where = `WHERE ${options.nullable ? `(${after} OR ${column} IS NULL)` : after}`;
    }
  }
  // The sort value as text for the next cursor: a Date would cut microseconds (and shift a DATE by the time zone).
  const [rows, [{ total }]] = await Promise.all([
    refusedCursor<Array<R & { keyset_value: string | null }>>(
      manager.query(
        `SELECT *, (${column})::text AS keyset_value FROM (${options.inner}) y ${where}
          ORDER BY ${column} ${dir}${options.nullable ? ' NULLS LAST' : ''}, y.id ${dir}
          LIMIT ${limit + 1}`,
        sql.values,
      ),
      options.cursor,
    ),
    manager.query(options.count, countParams) as Promise<Array<{ total: number | string }>>,
  ]);
  const { items, next } = pageOf(rows, limit);
  const nextCursor = next ? encodeCursor({ value: next.keyset_value, id: next.id }) : null;
  return {
    items: items.map(({ keyset_value: _, ...row }) => options.map(row as unknown as R)),
    nextCursor,
    total: Number(total),
  };
}
