import { isUUID } from 'class-validator';
import { ApiError } from '../errors/api-error';
import { textProblem } from '../http/input-guard';

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

/** Longer than any sort value the API writes into a cursor (a timestamp, a name of up to 200 characters). */
const MAX_CURSOR_VALUE_LENGTH = 400;

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('bad cursor');
    const [value, id] = decoded as unknown[];
    if (typeof id !== 'string' || !isSortValue(value)) throw new Error('bad cursor');
    return { value, id };
  } catch {
    throw invalidCursor();
  }
}

const invalidCursor = () => ApiError.field('cursor', '无效的分页游标 (invalid cursor)');

/** What the API itself puts in a cursor: text (no NUL, not too long), a finite number, or null. */
function isSortValue(value: unknown): value is string | number | null {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  return typeof value === 'string' && value.length <= MAX_CURSOR_VALUE_LENGTH && textProblem(value) === null;
}

/**
 * A crafted cursor whose value does not fit the sort column (text for a number, a date out of
 * range) fails in PostgreSQL as a data exception (class 22): that is the cursor's fault, a 400
 * naming it. Every other value in a list query was checked before it.
 */
export async function refusedCursor<T>(query: Promise<T>, cursor: string | undefined): Promise<T> {
  try {
    return await query;
  } catch (error) {
    const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
    if (cursor && typeof code === 'string' && code.startsWith('22')) throw invalidCursor();
    throw error;
  }
}

/**
 * A keyset cursor, whose id names a row: a crafted one whose id is not a UUID is a 400 naming the
 * cursor, not a database error. (Every keyset-paged record has a UUID id.)
 */
export function decodeKeysetCursor(cursor: string): CursorPosition {
  const position = decodeCursor(cursor);
  if (!isUUID(position.id)) throw invalidCursor();
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
