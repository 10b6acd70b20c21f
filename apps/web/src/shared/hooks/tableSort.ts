import type { TableColumnType, TableProps } from 'antd';

type SortOrder = NonNullable<TableColumnType<unknown>['sortOrder']>;
type Sorter<T> = Parameters<NonNullable<TableProps<T>['onChange']>>[2];

/** The column's antd sort state from the list's `sort=field:asc|desc` (kept in the URL). */
export function sortOrderOf(sort: string | undefined, field: string): SortOrder | null {
  if (!sort) return null;
  const [current, direction] = sort.split(':');
  if (current !== field) return null;
  return direction === 'asc' ? 'ascend' : 'descend';
}

/** antd's sorter change → the API's `sort=field:asc|desc`, or undefined for the server's default. */
export function sortParamOf<T>(sorter: Sorter<T>): string | undefined {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order || !first.columnKey) return undefined;
  return `${String(first.columnKey)}:${first.order === 'ascend' ? 'asc' : 'desc'}`;
}
