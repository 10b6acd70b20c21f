import { isUUID } from 'class-validator';
import { ApiError } from '../errors/api-error';

/**
 * Keyset pagination: the cursor carries the last row's sort value and id, base64url-encoded, so
 * a deep page costs the same as the first.
 */
export interface CursorPosition {
  value: string | number | null;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string | number | null,
      string,
    ];
    if (typeof id !== 'string') throw new Error('bad cursor');
    return { value, id };
  } catch {
    throw ApiError.field('cursor', '无效的分页游标');
  }
}

/**
 * A keyset cursor, whose id names a row: a crafted one whose id is not a UUID is a 400 naming the
 * cursor, not a database error. (Every keyset-paged record has a UUID id.)
 */
export function decodeKeysetCursor(cursor: string): CursorPosition {
  const position = decodeCursor(cursor);
  if (!isUUID(position.id)) throw ApiError.field('cursor', '无效的分页游标');
  return position;
}

export interface SortSpec<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

/** "name:asc" → {field, direction}, checked against the sortable fields. */
export function parseSort<F extends string>(
  raw: string | undefined,
  allowed: readonly F[],
  fallback: SortSpec<F>,
): SortSpec<F> {
  if (!raw) return fallback;
  const [field, direction = 'asc'] = raw.split(':');
  if (!allowed.includes(field as F) || (direction !== 'asc' && direction !== 'desc')) {
    throw ApiError.field('sort', `可排序字段：${allowed.join(', ')}，方向 asc 或 desc`);
  }
  return { field: field as F, direction };
}
