import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
