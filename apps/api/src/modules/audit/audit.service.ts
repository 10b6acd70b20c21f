import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../../common/auth/auth-user';
import { AuditEntry } from './audit-entry.entity';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'transition' | string;

const SECRET_FIELDS = new Set(['passwordHash', 'refreshTokenHash']);

/** Plain JSON of an entity with secrets removed, so the trail never stores a password hash. */
export function auditSnapshot(entity: object | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (SECRET_FIELDS.has(key) || typeof value === 'function') continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Written with the caller's transaction manager, so the trail and the change commit together. */
  async record(
    manager: EntityManager,
    actor: Pick<AuthUser, 'id' | 'displayName'> | null,
    entry: { entity: string; entityId: string; action: AuditAction; before?: object | null; after?: object | null },
  ): Promise<void> {
    const row: Partial<AuditEntry> = {
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? null,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
    };
    await manager.insert(AuditEntry, row as QueryDeepPartialEntity<AuditEntry>);
  }

  list(entity: string, entityId: string): Promise<AuditEntry[]> {
    return this.entries.find({ where: { entity, entityId }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
