import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApiError } from '../errors/api-error';

/**
 * Optimistic locking: the update only applies while the row still has the version the client
 * read (TypeORM bumps version and updatedAt). Zero rows touched means someone else wrote first.
 */
export async function updateVersioned<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<E>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(changes)
    .where('id = :id AND version = :version AND deleted_at IS NULL', { id, version: expectedVersion })
    .execute();
  if (!result.affected) throw ApiError.staleVersion();
}

/** Only the keys present in the DTO, without `version`: what a PATCH asks to change. */
export function changesOf<T extends { version: number }>(dto: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = dto;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, 'version'>;
}
