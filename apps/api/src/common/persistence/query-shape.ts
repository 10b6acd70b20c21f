import { LRUCache } from 'lru-cache';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** SQL text by query shape. A list has a few dozen shapes (filters given, sort, scope, cursor or not). */
const sqlByShape = new LRUCache<string, string>({ max: 1_000 });

/**
 * `qb.getQueryAndParameters()`, with the SQL text kept by the query's shape: its tables, joins,
 * selections, conditions, order and limit, but not its parameter values, which are bound anew each
 * time. The query builder rebuilding the same SQL for every page was a tenth of the API's CPU on the
 * hot lists. Queries with parts the shape does not describe are built as usual.
 */
export function queryAndParameters<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): [string, unknown[]] {
  const key = shapeOf(qb);
  let sql = key === null ? undefined : sqlByShape.get(key);
  if (sql === undefined) {
    sql = qb.getQuery();
    if (key !== null) sqlByShape.set(key, sql);
  }
  return qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
}

/** Everything of a plain SELECT that goes into its SQL text, or null for a query with anything else. */
function shapeOf<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): string | null {
  const m = qb.expressionMap;
  const plain =
    m.queryType === 'select' &&
    m.mainAlias?.hasMetadata &&
    m.aliases.every((alias) => alias.hasMetadata && !alias.subQuery) &&
    m.commonTableExpressions.length === 0 &&
    m.relationIdAttributes.length === 0 &&
    m.selectDistinctOn.length === 0 &&
    !m.lockMode &&
    !m.subQuery &&
    !m.useIndex &&
    !m.timeTravel &&
    !m.comment &&
    !m.maxExecutionTime;
  if (!plain) return null;
  return JSON.stringify([
    m.aliases.map((alias) => [alias.type, alias.name, alias.metadata.tablePath]),
    m.selects,
    m.selectDistinct,
    m.joinAttributes.map((join) => [join.direction, join.entityOrProperty, join.alias.name, join.condition]),
    m.wheres,
    m.extraAppendedAndWhereCondition,
    m.havings,
    m.groupBys,
    m.orderBys,
    m.limit,
    m.offset,
    m.skip,
    m.take,
    m.withDeleted,
    m.disableEscaping,
    m.aliasNamePrefixingEnabled,
  ]);
}
