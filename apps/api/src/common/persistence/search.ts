import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Substring search on a `name` column that has the lq_bigrams GIN index (SearchIndexes
 * migration): bigram containment picks candidate rows through the index, ILIKE confirms the
 * exact substring. Works from two characters, Chinese included.
 */
export function whereNameContains<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  q: string,
  extraOr?: { sql: string; params: Record<string, unknown> },
): void {
  const text = q.trim();
  if (!text) return;
  const like = `%${escapeLike(text)}%`;
  const nameMatch =
    [...text].length >= 2
      ? `(lq_bigrams(${alias}.name) @> lq_bigrams(:searchText) AND ${alias}.name ILIKE :searchLike)`
      : `${alias}.name ILIKE :searchLike`;
  qb.andWhere(extraOr ? `(${nameMatch} OR ${extraOr.sql})` : nameMatch, {
    searchText: text,
    searchLike: like,
    ...extraOr?.params,
  });
}
