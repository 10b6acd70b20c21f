import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Selects SQL expressions under the given names and reads raw rows: for hot lists, where
 * hydrating entities with their joins costs several times the query itself.
 */
export function selectRaw<E extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<E>,
  columns: Record<keyof R & string, string>,
): Promise<R[]> {
  return selectColumns(qb, columns).getRawMany<R>();
}

/** Makes the query select exactly these expressions under these names. */
export function selectColumns<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  columns: Record<string, string>,
): SelectQueryBuilder<E> {
  const entries = Object.entries(columns);
  qb.select(entries[0][1], entries[0][0]);
  for (const [alias, expression] of entries.slice(1)) qb.addSelect(expression, alias);
  return qb;
}

export const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);
export const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));

/**
 * A JSON object made by PostgreSQL from named SQL expressions, for lists that send rows through as
 * JSON (keysetJsonPage). Numbers, booleans, arrays and SQL dates come out as the DTOs give them;
 * timestamps must go through isoSql.
 */
export function jsonObjectSql(fields: Record<string, string>): string {
  return `json_build_object(${Object.entries(fields)
    .map(([name, expression]) => `'${name}', ${expression}`)
    .join(', ')})`;
}

/** A timestamp as `Date.toISOString()` prints it (UTC, milliseconds), so JSON made in SQL matches the DTOs. */
export const isoSql = (expression: string): string =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
